// The page's whole schema: the classifier's table, the explorer's, the language, the embed's presentation keys and the lesson keys.
import {classifierSchema} from "../classifier/schema.js";
import {explorerSchema} from "../explorer/schema.js";
import {embedSchema} from "../embed/schema.js";
import {i18nSchema} from "../i18n/schema.js";
import {lessonSchema} from "../lessons/schema.js";
import {mergeSchemas} from "./merge.js";

const {schema, problems} = mergeSchemas(classifierSchema, explorerSchema, i18nSchema, embedSchema, lessonSchema);
export const pageSchema = schema;
export const schemaProblems = problems;
