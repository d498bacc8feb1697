// What the browser tests and the screenshot script share: a real
// `sightline serve --demo` on a fresh database, Debian's Chromium driven by
// playwright-core (no browser is downloaded), and axe-core.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

// The rules checked on every page: WCAG 2.0, 2.1 and 2.2, levels A and AA.
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

function required (name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} must be set (ctest sets it; see web/CMakeLists.txt)`)
  return value
}

// Starts `sightline serve --demo` on a temporary database and port 0.
// Resolves to { url, passwords: {name: password}, output, stop() }.
export async function startServe () {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-pages-'))
  const args = ['serve', '--db', join(dir, 'demo.db'), '--port', '0', '--demo',
    '--assets', required('SIGHTLINE_ASSETS')]
  const child = spawn(required('SIGHTLINE_BINARY'), args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let errors = ''
  child.stderr.on('data', (d) => { errors += d })
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}\n${errors}`)), 60000)
    child.stdout.on('data', (d) => {
      output += d
      const m = output.match(/Listening on http:\/\/[^:]+:(\d+)/)
      if (m) { clearTimeout(timer); resolve(Number(m[1])) }
    })
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${errors}`)) })
  })
  const passwords = {}
  for (const m of output.matchAll(/Demo account (\S+) \([^)]*\): password (\S+)/g)) passwords[m[1]] = m[2]
  return {
    url: `http://localhost:${port}`,
    passwords,
    output: () => output,
    async stop () {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export async function launchBrowser () {
  return chromium.launch({
    executablePath: required('CHROMIUM'),
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage']
  })
}

// A new page that records console errors (a Content-Security-Policy
// violation, a failed asset) so a test can insist on none.
// A page in a fresh browser context; `viewport` defaults to a desktop's.
export async function newPage (browser, viewport = { width: 1024, height: 768 }) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  page.consoleErrors = []
  // A page answered with an error status (a refusal, "not found") is logged
  // by Chromium as a failed load: that is the page working, so failed loads
  // are judged by the responses below, where only a sub-resource counts.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) page.consoleErrors.push(msg.text())
  })
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') page.consoleErrors.push(`${r.status()} ${r.url()}`)
  })
  // A load cut short by the next navigation (net::ERR_ABORTED) is not a fault.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') page.consoleErrors.push(`failed: ${r.url()} ${r.failure()?.errorText}`)
  })
  page.on('pageerror', (err) => page.consoleErrors.push(String(err)))
  return page
}

// Runs axe-core in the page (evaluated over the DevTools protocol, so the
// page's Content-Security-Policy does not have to allow it) and returns the
// violations of the WCAG rules.
export async function axeViolations (page) {
  await page.evaluate(axeSource)
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  }, wcagTags)
  return result
}

export async function signIn (page, serve, user) {
  await page.goto(`${serve.url}/sign-in`)
  await page.fill('#username', user)
  await page.fill('#password', serve.passwords[user])
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.click('button:has-text("Sign in")')])
}

export async function signOut (page) {
  await Promise.all([page.waitForURL(/\/sign-in/), page.click('button:has-text("Sign out")')])
}
