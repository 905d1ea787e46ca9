"use strict";
// Loaded first by every process the checker starts (program recorder, pack runner): the child ends
// itself once the checker is gone, even when the checker was killed with SIGKILL and could not stop
// it. A worker thread watches, so a program that spins without yielding to its event loop is ended
// too. It watches the parent process id: when the checker dies, the child is handed to another
// parent (init or a subreaper) and its parent id changes. (A blocking read of a stdin pipe would
// notice sooner, but a worker blocked in a read stops the process from exiting.) Exports a promise
// that settles once the watch is in place; without PIPELINE_CHECK_WATCH_PARENT=1 nothing is watched.
const { Worker } = require("worker_threads");

if (require.main === module) {
  require("./internal").refuse("bin/parent-watch.js");
}

const WATCHER = `
const { parentPort, workerData } = require("worker_threads");
setInterval(() => {
  if (process.ppid !== workerData.parent) {
    process.kill(process.pid, "SIGKILL");
  }
}, 200);
parentPort.postMessage("watching");
`;

module.exports =
  process.env.PIPELINE_CHECK_WATCH_PARENT === "1"
    ? new Promise(
        /** @param {(value?: void) => void} resolve */ (resolve) => {
          const worker = new Worker(WATCHER, { eval: true, workerData: { parent: process.ppid } });
          // Referenced until it is watching (else this process could end before the promise settles); after
          // that it must not keep the process alive on its own.
          worker.once("message", () => {
            worker.unref();
            resolve();
          });
          worker.once("error", () => resolve());
        },
      )
    : Promise.resolve();
