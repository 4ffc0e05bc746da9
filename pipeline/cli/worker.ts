import {parentPort} from 'node:worker_threads'
import {type Task, annotators, runTask} from './task.ts'

/** A worker thread of `annotate --jobs N`: annotates the tasks it is sent, one at a time. */
const annotator = annotators()
parentPort!.on('message', (message: {index: number; task: Task}) => {
  parentPort!.postMessage({index: message.index, result: runTask(message.task, annotator)})
})
