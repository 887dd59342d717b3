// What the Intake area shows of batch control: one batch's figures, its close and its prints
// (the batch desk mounts it under its items).
export { BatchControlSection } from './BatchControlSection';
