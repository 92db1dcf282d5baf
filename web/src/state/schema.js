// The page's whole schema: the classifier's table merged with the explorer's.
import {classifierSchema} from "../classifier/schema.js";
import {explorerSchema} from "../explorer/schema.js";
import {mergeSchemas} from "./merge.js";

const {schema, problems} = mergeSchemas(classifierSchema, explorerSchema);
export const pageSchema = schema;
export const schemaProblems = problems;
