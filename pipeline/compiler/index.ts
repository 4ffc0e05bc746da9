import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {emitAnnotation, schemaReference} from '../annotation/emit.ts'
import {buildAnnotation} from '../annotation/model.ts'
import {mergeReviews} from '../review/merge.ts'

export interface AnnotationYamlOptions {
  /**
   * Where the annotation will be written, relative to the project root, so the
   * `$schema` hint can point at the schema from there. Read per file from
   * `file.data.annotationPath` when set.
   */
  annotationPath?: string
}

declare module 'vfile' {
  interface DataMap {
    /** Project-relative path the annotation will be written to (sets the `$schema` hint). */
    annotationPath: string
  }
}

/**
 * Compiler plugin: the annotation YAML, built from the tree and the findings
 * other plugins put on `file.data`, with the reviews of
 * `file.data.previousAnnotation` merged in. The structured annotation is also
 * left on `file.data.annotation`.
 */
const retextAnnotationYaml: Plugin<[AnnotationYamlOptions?], Root, string> = function (options = {}) {
  this.compiler = function (tree, file) {
    // Reviews already written for this article (file.data.previousAnnotation) are carried over.
    const annotation = mergeReviews(buildAnnotation(tree as Root, file), file.data.previousAnnotation)
    file.data.annotation = annotation
    return emitAnnotation(annotation, {schema: schemaReference(file.data.annotationPath ?? options.annotationPath)})
  }
}

export default retextAnnotationYaml
