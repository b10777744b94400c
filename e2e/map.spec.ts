import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { paths } from '../src/engine/paths.ts';
import { answer, startSession, type Session } from '../src/engine/session.ts';
import { sessionPath } from '../src/engine/session-path.ts';
import { encodeTrail } from '../src/engine/trail.ts';
import { coveringPaths, tree, trees } from './content.ts';
import { expect, test } from './test.ts';

const MPAAS = 'mpaas-system-busy';
const mpaas = tree(MPAAS);
const stepCount = Object.keys(mpaas.steps).length;

/** The steps drawn on the map (SVG links), and one of them. */
const nodes = (page: Page) => page.locator('svg a[data-step]');
const node = (page: Page, id: string) => page.locator(`svg a[data-step="${id}"]`);
const viewport = (page: Page) => page.getByRole('group', { name: 'Map of the guide' });
const svgWidth = async (page: Page) => Number(await page.locator('svg.map-svg').getAttribute('width'));
const box = async (l: Locator) => (await l.boundingBox())!;

/** A session halfway along the longest walk of the tree: several answers, a checklist or two. */
function halfway(): Session {
  const walk = coveringPaths(mpaas).sort((a, b) => b.length - a.length)[0]!;
  const hops = walk.slice(0, Math.ceil(walk.length / 2));
  return hops
    .slice(0, -1)
    .filter((h) => !h.auto)
    .reduce<Session>((s, h) => answer(mpaas, s, h.answer!)!, startSession(mpaas));
}

async function axeScan(page: Page, url: string) {
  await page.goto(url);
  await expect(nodes(page).first()).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the map opens cold with every step drawn, and a click on a step opens it', async ({ page }) => {
  await page.goto(paths.map.href(MPAAS));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Map: ${mpaas.title}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(nodes(page)).toHaveCount(stepCount);
  // Every step is a real link, named by its full title.
  const target = mpaas.steps['device-time']!;
  await expect(node(page, target.id)).toHaveAttribute('href', paths.step.href(MPAAS, target.id));
  await expect(page.getByRole('link', { name: `Check: ${target.title}`, exact: true })).toHaveCount(1);
  await node(page, target.id).click();
  await expect(page).toHaveURL(paths.step.href(MPAAS, target.id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title);
});

test('keyboard: Tab reaches the steps in reading order, a focused step is scrolled into view, Enter opens it', async ({ page }) => {
  await page.goto(paths.map.href(MPAAS));
  await viewport(page).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-step', mpaas.start);
  // Far down the map: the focused step is brought into the viewport.
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-step', /.+/);
  await expect
    .poll(async () => {
      const [n, v] = [await box(focused), await box(viewport(page))];
      return n.y >= v.y && n.y + n.height <= v.y + v.height && n.x >= v.x && n.x + n.width <= v.x + v.width;
    })
    .toBe(true);
  const id = (await focused.getAttribute('data-step'))!;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(paths.step.href(MPAAS, id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mpaas.steps[id]!.title);
});

test('the map pans by drag and arrow keys, and zooms with the buttons, + and −, and 0 to show it all', async ({ page }) => {
  await page.goto(paths.map.href(MPAAS));
  const vp = viewport(page);
  await expect(nodes(page).first()).toBeVisible();
  const scrollTop = () => vp.evaluate((el) => el.scrollTop);

  // Drag up, starting on a step a few layers down: the map moves, and the step under the pointer does not open.
  const v = await box(vp);
  const from = await box(node(page, 'sec-exception'));
  expect(from.y + from.height).toBeLessThan(v.y + v.height);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(v.x + v.width / 2, v.y + 10, { steps: 8 });
  await page.mouse.up();
  await expect.poll(scrollTop).toBeGreaterThan(100);
  await expect(page).toHaveURL(paths.map.href(MPAAS));

  const before = await svgWidth(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => svgWidth(page)).toBeGreaterThan(before);
  await expect(page.locator('.map-controls output')).toHaveText('113%');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => svgWidth(page)).toBeCloseTo(before, 0);

  await vp.focus();
  const top = await scrollTop();
  await page.keyboard.press('ArrowDown');
  await expect.poll(scrollTop).toBeGreaterThan(top);
  await page.keyboard.press('-');
  await expect.poll(() => svgWidth(page)).toBeLessThan(before);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => svgWidth(page)).toBeGreaterThan(before);
  // 0 (and "Show all") fit the whole drawing into the viewport.
  await page.keyboard.press('0');
  await expect
    .poll(async () => {
      const [s, w] = [await box(page.locator('svg.map-svg')), await box(vp)];
      return s.width <= w.width && s.height <= w.height;
    })
    .toBe(true);
});

test('a map opened from a session marks the path taken and the current step, and links back to it', async ({ page }) => {
  const s = halfway();
  const path = sessionPath(mpaas, s);
  const trail = encodeTrail(mpaas, s);
  await page.goto(paths.map.href(MPAAS, { step: path.current, trail }));
  await expect(page.locator('svg a[data-on-path="true"]')).toHaveCount(path.visited.size);
  for (const id of path.visited.keys()) await expect(node(page, id)).toHaveAttribute('data-on-path', 'true');
  const current = node(page, path.current);
  await expect(current).toHaveAttribute('aria-current', 'step');
  await expect(current).toHaveAttribute('data-current', 'true');
  await expect(current).toHaveAttribute('href', paths.step.href(MPAAS, path.current, trail));
  await expect(page.locator('svg.map-svg path.map-edge--path')).toHaveCount(path.taken.size);
  // The current step is in view when the map opens.
  const [n, v] = [await box(current), await box(viewport(page))];
  expect(n.y >= v.y && n.y + n.height <= v.y + v.height).toBe(true);
  // An earlier step of the path opens with the trail that led to it.
  const first = s.visits[1]!.step;
  await expect(node(page, first)).toHaveAttribute('href', paths.step.href(MPAAS, first, s.visits[0]!.answer));
  // The list marks the same steps.
  await expect(page.locator('.map-list__step[data-on-path="true"]')).toHaveCount(path.visited.size);

  await page.getByRole('link', { name: 'Back to your step' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mpaas.steps[path.current]!.title);
  await expect(page.getByRole('navigation', { name: 'Your path' }).getByRole('listitem')).toHaveCount(s.visits.length);
});

test('a bad trail or an unknown step still shows the map, with a notice', async ({ page }) => {
  await page.goto(`${paths.map.href(MPAAS, { step: 'device-time', trail: 'zz.yy' })}`);
  await expect(page.getByRole('status').filter({ hasText: 'only the step it points to is marked' })).toBeVisible();
  await expect(nodes(page)).toHaveCount(stepCount);
  await expect(node(page, 'device-time')).toHaveAttribute('aria-current', 'step');

  await page.goto(paths.map.href(MPAAS, { step: '<script>', trail: 'a' }));
  await expect(page.getByRole('status').filter({ hasText: 'is not in this guide' })).toBeVisible();
  await expect(nodes(page)).toHaveCount(stepCount);
  await expect(page.locator('svg a[data-on-path]')).toHaveCount(0);
});

test('the list shows every step with where its answers lead; those links move down the list', async ({ page }) => {
  await page.goto(paths.map.href(MPAAS));
  const list = page.getByRole('region', { name: 'Every step, as a list' });
  await expect(list.locator('.map-list__step')).toHaveCount(stepCount);
  for (const step of Object.values(mpaas.steps)) await expect(list.getByRole('heading', { level: 3, name: step.title, exact: true })).toHaveCount(1);
  // The start step's first answer leads to its entry; following it moves focus there.
  const start = mpaas.steps[mpaas.start]!;
  if (start.kind === 'outcome') throw new Error('the start step has answers');
  const next = start.answers[0]!.next;
  const entry = list.locator('.map-list__step').first();
  await entry.getByRole('link', { name: new RegExp(`\\d+\\. ${mpaas.steps[next]!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await expect(page.locator(`#map-step-${next}`)).toBeFocused();
  // The skip link above the map goes to the list.
  await page.getByRole('link', { name: 'Skip to the list of steps' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Every step, as a list' })).toBeFocused();
  // A title opens its step.
  await list.getByRole('link', { name: start.title, exact: true }).click();
  await expect(page).toHaveURL(paths.step.href(MPAAS, mpaas.start));
});

test('an unknown guide shows "not found" with the guides', async ({ page }) => {
  await page.goto('/map/no-such-tree');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  await expect(page.getByRole('main')).toContainText('The guide “no-such-tree” was not found');
  await expect(page.getByRole('link', { name: mpaas.title }).first()).toBeVisible();
});

test('the map is its own chunk: a step page does not load it; the home page links each guide to its map', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(`/t/${MPAAS}/${mpaas.start}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mpaas.steps[mpaas.start]!.title);
  // The title is already in the prerendered markup: what the app loads is known once it has hydrated the page.
  await expect(page.getByRole('textbox', { name: 'Ticket' })).toBeEnabled();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /map-page/.test(u))).toEqual([]);

  await page.goto('/');
  const t = trees()[0]!;
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: t.title, exact: true }) });
  await card.getByRole('link', { name: 'Map of this guide' }).click();
  await expect(page).toHaveURL(paths.map.href(t.id));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Map: ${t.title}`);
});

test('in Chinese the map and the list read in Chinese', async ({ page }) => {
  const zh = trees('zh').find((t) => t.id === MPAAS)!;
  await page.goto(`${paths.map.href(MPAAS)}?lang=zh`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`流程图：${zh.title}`);
  await expect(page.getByRole('region', { name: '全部步骤列表' }).getByRole('link', { name: zh.steps[zh.start]!.title, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
});

const session = halfway();
const at = { step: session.visits[session.visits.length - 1]!.step, trail: encodeTrail(mpaas, session) };
const scans: [string, string][] = [
  ['with a path, in English', paths.map.href(MPAAS, at)],
  ['with a path, in Chinese', `${paths.map.href(MPAAS, at)}&lang=zh`],
  ...trees().map((t): [string, string] => [`of ${t.id}`, paths.map.href(t.id)]),
];
for (const [name, url] of scans) {
  test(`axe finds no WCAG 2.2 A/AA violations on the map ${name}`, async ({ page }) => {
    test.setTimeout(120_000); // a map has a few hundred links to check
    await axeScan(page, url);
  });
}

test('on a phone the map fits the screen, its controls are reachable, and a tap opens a step @phone', async ({ page }) => {
  const s = halfway();
  const current = s.visits[s.visits.length - 1]!.step;
  await page.goto(paths.map.href(MPAAS, { step: current, trail: encodeTrail(mpaas, s) }));
  await expect(node(page, current)).toBeVisible();
  // Nothing sticks out sideways: the page does not scroll horizontally.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const v = await box(viewport(page));
  expect(v.x).toBeGreaterThanOrEqual(0);
  expect(v.x + v.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  for (const name of ['Zoom in', 'Zoom out', 'Show all', 'Show your step']) {
    const b = page.getByRole('button', { name });
    await expect(b).toBeVisible();
    expect((await box(b)).x + (await box(b)).width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
  // A tap on a phone (a click where the project has no touch screen).
  const press = (l: Locator) => (test.info().project.name === 'phone' ? l.tap() : l.click());
  await press(page.getByRole('button', { name: 'Zoom out' }));
  await press(page.getByRole('button', { name: 'Show your step' }));
  await press(node(page, current));
  await expect(page).toHaveURL(paths.step.href(MPAAS, current, encodeTrail(mpaas, s)));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mpaas.steps[current]!.title);
});

test("the lines carry their answers' labels, shortened where room is short, in full when their step is focused or pointed at", async ({ page }) => {
  await page.goto(paths.map.href(MPAAS));
  const start = mpaas.steps[mpaas.start]!;
  if (!('answers' in start)) throw new Error('the start must have answers');
  const labels = page.locator('svg text[data-edge-label]');
  // Each answer of the first question is written on its own line (shortened ones end in an ellipsis).
  for (const a of start.answers) {
    const label = labels.locator(`xpath=self::*[@data-edge-label="${mpaas.start}>${a.next}"]`);
    await expect(label).toHaveCount(1);
    const shown = (await label.evaluate((el) => el.childNodes[el.childNodes.length - 1]!.textContent))!;
    expect(a.label.startsWith(shown.replace(/…$/, '').trimEnd()), `${shown} shortens ${a.label}`).toBe(true);
    // The whole label is its tooltip.
    await expect(label.locator('title')).toHaveText(a.label);
  }
  // Focus a step: its answers' labels are written in full, and its lines stand out.
  const focusOn = mpaas.steps['read-status']!;
  if (!('answers' in focusOn)) throw new Error('read-status must have answers');
  await node(page, focusOn.id).focus();
  const full = page.locator('svg text.map-label--active');
  await expect(full).toHaveCount(new Set(focusOn.answers.map((a) => a.next)).size);
  for (const a of focusOn.answers) await expect(full.filter({ hasText: a.label })).not.toHaveCount(0);
  await expect(page.locator(`svg path.map-edge--active[data-edge^="${focusOn.id}>"]`)).not.toHaveCount(0);
  // Pointing at another step moves the emphasis there; leaving the map's steps with focus gone clears it.
  await node(page, focusOn.id).blur();
  await expect(full).toHaveCount(0);
  await node(page, mpaas.start).hover();
  await expect(page.locator(`svg path.map-edge--active[data-edge^="${mpaas.start}>"]`)).toHaveCount(start.answers.length);
});
