// Editor support for contracts and operators (chapter 2 §2–§3): completion after a value of a
// bounded type parameter offers its contracts' methods; hover on an overloaded operator shows the
// method it calls.
import { test, expect, openPlayground, setCode, typeCode, cursorAt } from './fixtures';

const CODE = `contract Named { name(): str; }
contract Greeter: Named { greet(): String { return String.from(self.name()); } }
struct Bot impl Greeter { id: i32 }
fn (b: &Bot) name(): str { return "bot"; }
struct V { x: i32 }
fn (a: &V) op+(b: V): V { return V { x: a.x + b.x }; }
fn hi<T: Greeter>(t: T): String {
    return t.greet();
}
fn main() {
    let s = V { x: 1 } + V { x: 2 };
    println("{} {}", s.x, hi(Bot { id: 1 }));
}
`;

test('completion after a bounded type parameter lists its contracts\' methods; hover on `+` shows op+', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, CODE);
  const lines = CODE.split('\n');
  // hover on the `+` of `V { x: 1 } + V { x: 2 }`
  const opLine = lines.findIndex((l) => l.includes('} + V')) + 1;
  await cursorAt(page, opLine, lines[opLine - 1].indexOf('} + V') + 3);
  await page.waitForTimeout(300);
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+I');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'fn op+(b: V): V' }).first()).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  // completion on a new line after `t.` inside `hi`
  const retLine = lines.findIndex((l) => l.includes('return t.greet()')) + 1;
  await cursorAt(page, retLine - 1, lines[retLine - 2].length + 1);
  await page.keyboard.press('Enter');
  await typeCode(page, 't.');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toBeVisible({ timeout: 10_000 });
  await expect(suggest.locator('.monaco-list-row').filter({ hasText: /^greet/ }).first()).toBeVisible();
  await expect(suggest.locator('.monaco-list-row').filter({ hasText: /^name/ }).first()).toBeVisible();
});
