// The page's whole schema: the classifier's table, the explorer's, the embed's presentation keys and the language.
import {classifierSchema} from "../classifier/schema.js";
import {explorerSchema} from "../explorer/schema.js";
import {embedSchema} from "../embed/schema.js";
import {i18nSchema} from "../i18n/schema.js";
import {mergeSchemas} from "./merge.js";

const {schema, problems} = mergeSchemas(classifierSchema, explorerSchema, embedSchema, i18nSchema);
export const pageSchema = schema;
export const schemaProblems = problems;
