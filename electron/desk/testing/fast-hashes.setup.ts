import { setHashCostForTests } from '../security/password';

// Every test file: new password hashes at a low scrypt cost, so suites that create many users
// stay fast. password.test.ts checks the production cost itself.
setHashCostForTests({ N: 2 ** 10, r: 8, p: 1 });
