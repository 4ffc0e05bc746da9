import {parentPort} from 'node:worker_threads'
import {type Task, annotators, prepareFor, runTask} from './task.ts'

/** A worker thread of `annotate --jobs N`: annotates the tasks it is sent, one at a time. */
const annotator = annotators()
parentPort!.on('message', (message: {index: number; task: Task}) => {
  // Loaded once, on the first Markdown or HTML article; results go back by index, so order does not matter.
  const reply = (): void => parentPort!.postMessage({index: message.index, result: runTask(message.task, annotator)})
  // If the parsers cannot be loaded, runTask reports that on the article.
  void prepareFor([message.task]).then(reply, reply)
})
