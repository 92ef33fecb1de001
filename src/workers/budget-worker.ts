import { parentPort, workerData } from 'node:worker_threads';
import { analyzeLoadedDocument, parserFor } from '../engine/file.js';
import type { BudgetTask } from './budget.js';

// The thread's whole task: analyse the one document and post the analysis back.
const { doc, options } = workerData as BudgetTask;
const parser = await parserFor([doc.absolutePath], options);
parentPort!.postMessage(analyzeLoadedDocument(doc, options, parser));
