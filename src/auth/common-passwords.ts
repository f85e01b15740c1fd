/**
 * Passwords too common to accept, whatever their length: the ten-character-and-longer entries of the
 * usual leaked-password top lists (rockyou, the Chinese CSDN and 12306 leaks, SplashData's yearly
 * lists), lower-cased. Pure data, no imports: the API's zod schemas (and the browser app) use it.
 * A password is refused when its lower-cased form is here, or when it is one character repeated, or a
 * run of consecutive digits or letters (1234567890, abcdefghij, 9876543210).
 */
/** Shortest password accepted when one is set (existing shorter ones still sign in). */
export const minPasswordLength = 10;

const list = `
1234567890 0123456789 0987654321 9876543210 1111111111 0000000000 1234512345 1234567891
12345678910 123456789a a123456789 123456789q q123456789 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4t5
qwertyuiop asdfghjkl; asdfghjkl1 zxcvbnm123 qwerty1234 qwerty123456 1qaz2wsx3edc 1qaz2wsx3e
qazwsxedcrfv zaq12wsxcde password12 password123 password1234 password12345 passw0rd123
p@ssw0rd123 p@ssword123 password01 password!1 iloveyou12 iloveyou123 iloveyou1314 woaini1314
woaini520 woaini5201314 5201314520 1314520520 5201314123 aaaaaaaaaa abc1234567 abcd123456
abcdefghij abcdefg123 abc123456789 admin12345 admin123456 administrator admin@12345 root123456
welcome123 welcome1234 letmein123 sunshine12 princess12 football12 baseball12 monkey12345
dragon12345 master12345 superman123 trustno1234 starwars12 computer12 michael123 shadow1234
jennifer12 1234567890a 1234567890q zhang123456 wang1234567 li12345678 qwe1234567 qweasdzxc1
qweasdzxc123 asd1234567 zxc1234567 123qweasdzxc 123456qwerty qwerty12345 1234qwerasdf
changeme123 changeme12 default123 gongkai123 gongkai1234 gongkai12345 xinxigongkai zhengfu123
government zhengwu123 123456789abc 1234abcd5678 11223344556 1122334455 1234554321 1357924680
2468013579 5555555555 8888888888 6666666666 9999999999 7777777777 2222222222 3333333333
4444444444 147258369a 1472583690 3692581470 7894561230 1593572580 a1b2c3d4e5 a1b2c3d4e5f6
`;

export const commonPasswords: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));

const isRun = (s: string): boolean => {
  if (s.length < 2) return false;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (step !== 1 && step !== -1 && step !== 0) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
};

/** Whether a password is too common to accept. */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  return commonPasswords.has(p) || isRun(p);
}
