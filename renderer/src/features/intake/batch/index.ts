// What the Intake area shows of batch control: the section for one batch, and the screen that
// chooses a program and a batch (the Intake area mounts either).
export { BatchControlSection } from './BatchControlSection';
export { BatchArea } from './BatchArea';
