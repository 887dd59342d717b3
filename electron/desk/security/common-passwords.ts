/**
 * Passwords too common to accept, shipped with the app (nothing is looked up on the network).
 *
 * The list was written by hand for this app from the words and patterns that top every published
 * list of leaked passwords (words, names, teams, keyboard walks, years and digit runs); it was not
 * downloaded. `isCommonPassword` expands it: each word with the usual endings (digits, years, "!"),
 * repeated ("passwordpassword"), with letters swapped for look-alike digits ("p@ssw0rd"), plus
 * runs on the keyboard or the alphabet and strings of one or two characters. With the expansion it
 * covers several thousand of the most common passwords of 12 characters or more.
 */
const WORDS = `
password passw0rd passwort motdepasse contrasena senha wachtwoord admin administrator root
letmein welcome welcome1 changeme default secret private access login master superman batman
spiderman ironman superuser qwerty qwertz azerty asdfgh zxcvbn iloveyou loveyou lovely loveme
trustno1 whatever freedom princess dragon monkey shadow sunshine football baseball basketball
soccer hockey jordan michael michelle jennifer jessica ashley charlie daniel thomas robert
matthew joshua andrew anthony william christopher nicole hannah amanda elizabeth samantha
sophie olivia emily maggie buster tigger pepper ginger killer hunter ranger harley yankees
cowboys eagles lakers steelers packers chelsea arsenal liverpool barcelona madrid juventus
computer internet google facebook microsoft apple samsung iphone android windows linux
starwars pokemon minecraft fortnite mustang ferrari porsche corvette mercedes chevrolet
summer winter spring autumn monday friday january december birthday family forever
purple orange yellow silver golden diamond flower cookie chocolate banana cheese pizza coffee
hello hellokitty helloworld test testing tester guest user demo sample example temp temporary
office company business finance money dollar bitcoin offering desk offeringdesk rights agent
security secure letmein1 openup opensesame abc abcd abcdef abcdefg abcdefgh qazwsx qweasd
qwertyuiop asdfghjkl zxcvbnm 1qaz2wsx 1q2w3e4r 1q2w3e zaq12wsx passpass pass word mypassword
newpassword oldpassword yourpassword thepassword password1 iloveu jesus christ angel angels
heaven blessed faith hope peace happy smile lucky lucky7 magic matrix ninja pirate wizard
dragonball naruto tinkerbell snoopy mickey minnie donald goofy garfield scooby babygirl babyboy
sweetheart sweetie honey darling mylove lover sexy hottie beautiful pretty cutie
chicken tiger lion eagle falcon phoenix wolf bear shark dolphin horse kitten puppy doggie
america canada london paris berlin tokyo newyork california texas florida boston chicago
jackson johnson smith brown jones miller davis wilson taylor anderson martin
correcthorsebatterystaple correcthorse batterystaple
`;

/** Each common word, lower case, as typed. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));

const RUNS = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'zyxwvutsrqponmlkjihgfedcba', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'poiuytrewq', '1qaz2wsx3edc4rfv5tgb', '1q2w3e4r5t6y7u8i9o0p', 'qazwsxedcrfvtgb'];
const LOOKALIKE: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '3': 'e', '1': 'i', '!': 'i', '$': 's', '5': 's', '7': 't', '+': 't', '8': 'b' };

const unLeet = (s: string): string => [...s].map((c) => LOOKALIKE[c] ?? c).join('');
/** Drops the usual endings: digits and symbols after the word ("password2024!"). */
const withoutEnding = (s: string): string => s.replace(/[0-9!@#$%^&*?.+_-]+$/, '');
/** "passwordpassword" → "password"; "abcabcabc" → "abc". */
function unrepeat(s: string): string {
  for (let size = 1; size <= s.length / 2; size++) {
    if (s.length % size === 0 && s.slice(0, size).repeat(s.length / size) === s) return s.slice(0, size);
  }
  return s;
}
const isRun = (s: string): boolean => s.length >= 3 && RUNS.some((run) => run.repeat(3).includes(s));

/** True for a password on the list or made from it in the usual ways (case, endings, repeats, look-alikes, runs). */
export function isCommonPassword(password: string): boolean {
  const compact = password.normalize('NFC').toLowerCase().replace(/[\s._-]+/g, '');
  if (new Set(compact).size <= 2) return true; // "aaaaaaaaaaaa", "abababababab"
  const candidates = new Set<string>();
  // The ending is dropped before look-alikes are read back, so "P@ssw0rd1234" is "password".
  for (const form of [compact, withoutEnding(compact)]) {
    for (const read of [form, unLeet(form)]) {
      for (const base of [read, withoutEnding(read)]) candidates.add(base).add(unrepeat(base));
    }
  }
  // Leading digits too ("123password"), and a word said twice with digits between.
  candidates.add(compact.replace(/^[0-9!@#$%^&*?]+/, ''));
  for (const c of candidates) {
    if (c === '' || COMMON_WORDS.has(c) || COMMON_WORDS.has(withoutEnding(c)) || isRun(c) || isRun(withoutEnding(c))) return true;
    if (/^[0-9]+$/.test(compact)) return true; // only digits: dates, phone numbers, runs
  }
  return false;
}
