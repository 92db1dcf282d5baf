// The offline file's one script: the setup first (module evaluation follows import order), then
// the full page exactly as hosted.
import "./setup.js";
import "../main.js";
