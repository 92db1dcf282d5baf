// The page's whole schema: the classifier's table, the explorer's, the language and the embed's presentation keys.
import {classifierSchema} from "../classifier/schema.js";
import {explorerSchema} from "../explorer/schema.js";
import {embedSchema} from "../embed/schema.js";
import {i18nSchema} from "../i18n/schema.js";
import {mergeSchemas} from "./merge.js";

const {schema, problems} = mergeSchemas(classifierSchema, explorerSchema, i18nSchema, embedSchema);
export const pageSchema = schema;
export const schemaProblems = problems;
