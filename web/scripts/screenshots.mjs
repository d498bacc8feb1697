// Saves a PNG of every page, with the Sofia demonstration data, into
// docs/screenshots/. Run by scripts/screenshots (which builds first).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser, newPage, signIn, signOut, startServe } from '../tests/support.mjs'

const out = process.argv[2]
mkdirSync(out, { recursive: true })
const serve = await startServe()
const browser = await launchBrowser()
let count = 0

async function shot (page, name, { full = true } = {}) {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: full })
  count++
}

async function click (page, text) {
  await Promise.all([page.waitForNavigation(), page.click(`button:has-text("${text}")`)])
}

try {
  const page = await newPage(browser)
  await page.goto(`${serve.url}/sign-in`)
  await shot(page, 'sign-in')
  await page.fill('#username', 'demo.hv')
  await page.fill('#password', 'wrong password here')
  await click(page, 'Sign in')
  await shot(page, 'sign-in-error')

  await signIn(page, serve, 'demo.hv')
  await shot(page, 'my-work', { full: false })
  await page.goto(`${serve.url}/`)
  await shot(page, 'home')
  await page.goto(`${serve.url}/children?q=Sofia`)
  await shot(page, 'find-a-child')
  await page.goto(`${serve.url}/children/sofia`)
  await shot(page, 'child')
  await page.goto(`${serve.url}/children/sofia/chronology`)
  await shot(page, 'chronology', { full: false })
  await page.goto(`${serve.url}/children/sofia/chronology?agency=ealing-hv&known-day=31&known-month=12&known-year=2012`)
  await shot(page, 'child-chronology-filtered')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${serve.url}/children/sofia`)
  await shot(page, 'child-phone', { full: false })
  await page.goto(`${serve.url}/my-work`)
  await shot(page, 'my-work-phone', { full: false })
  await page.setViewportSize({ width: 1024, height: 768 })

  await page.goto(`${serve.url}/children/sofia/record/contact`)
  await shot(page, 'record-contact')
  await click(page, 'Save')
  await shot(page, 'record-contact-errors')
  await page.goto(`${serve.url}/children/sofia/record/referral`)
  await shot(page, 'record-referral')
  await page.goto(`${serve.url}/children/sofia/record/referral-outcome`)
  await shot(page, 'record-referral-outcome')
  await signOut(page)
  await shot(page, 'signed-out')

  await signIn(page, serve, 'demo.manager')
  await page.goto(`${serve.url}/children/sofia/record/strategy-discussion`)
  await shot(page, 'record-strategy-discussion')
  await page.check('input[name=format][value=telephone]')
  await page.fill('#participants-2', 'Metropolitan Police Service (Ealing)')
  await page.check('input[name=decision][value=s47_joint]')
  await click(page, 'Save')
  await shot(page, 'record-strategy-discussion-warning')
  await page.goto(`${serve.url}/children/sofia/record/transfer`)
  await shot(page, 'record-transfer')
  await page.goto(`${serve.url}/children/sofia/record/case-closed`)
  await shot(page, 'record-case-closed')
  await page.goto(`${serve.url}/transfers`)
  await shot(page, 'transfers')
  await signOut(page)

  // An alert's "Record it" link, on the child's page, to its form.
  await signIn(page, serve, 'demo.social-worker')
  await page.goto(`${serve.url}/children/demo-mia#alerts`)
  await shot(page, 'child-alerts', { full: false })
  await signOut(page)

  // The receiving agency accepts a transfer.
  await signIn(page, serve, 'demo.birmingham-hv')
  await page.goto(`${serve.url}/transfers`)
  await shot(page, 'transfers-incoming')
  await Promise.all([page.waitForNavigation(), page.locator('main a', { hasText: 'Accept' }).first().click()])
  await shot(page, 'accept-transfer')
  await signOut(page)

  await signIn(page, serve, 'demo.luton')
  await page.goto(`${serve.url}/children/sofia`)
  await shot(page, 'break-glass')
  await page.fill('#reason', 'Sofia brought to Luton A&E tonight; checking for a plan')
  await click(page, 'See the record')
  await shot(page, 'child-break-glass', { full: false })
  await signOut(page)

  await signIn(page, serve, 'demo.lead')
  await page.goto(`${serve.url}/children/sofia/audit`)
  await shot(page, 'who-looked')
  await signOut(page)
  await signIn(page, serve, 'demo.luton-lead')
  await page.goto(`${serve.url}/`)
  await shot(page, 'home-safeguarding-lead')

  await signOut(page)
  await signIn(page, serve, 'demo.analyst')
  await page.goto(`${serve.url}/dashboard`)
  await shot(page, 'dashboard', { full: false })
  await page.locator('summary').first().click()
  await shot(page, 'dashboard-full')

  await page.goto(`${serve.url}/accessibility`)
  await shot(page, 'accessibility')
  await page.goto(`${serve.url}/no-such-page`)
  await shot(page, 'page-not-found')
  console.log(`${count} screenshots in ${out}`)
} finally {
  await browser.close()
  await serve.stop()
}
