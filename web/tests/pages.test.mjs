// Browser tests of the pages: a real `sightline serve --demo` driven in
// Debian's Chromium, with axe-core checking every page visited against WCAG
// 2.2 A and AA. Run by ctest (test `pages_browser`); see docs/pages.md.
import assert from 'node:assert/strict'
import { get as httpGet } from 'node:http'
import { after, before, describe, test } from 'node:test'
import { axeViolations, launchBrowser, newPage, signIn, signOut, startServe } from './support.mjs'

let serve
// A second demonstration, untouched by the other tests, whose every alert is
// resolved from its own page (below); started alongside the first.
let fresh
let browser

before(async () => {
  [serve, fresh, browser] = await Promise.all([startServe(), startServe(), launchBrowser()])
})

after(async () => {
  await browser?.close()
  await serve?.stop()
  await fresh?.stop()
})

const desktop = { width: 1280, height: 800 }
const phone = { width: 390, height: 844 }

// Every page a test looks at passes axe and logged no error (a blocked
// script or style would).
async function check (page) {
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], `axe violations on ${page.url()}:\n${JSON.stringify(violations, null, 2)}`)
  assert.deepEqual(page.consoleErrors, [], `console errors on ${page.url()}`)
  const title = await page.title()
  assert.match(title, / – Sightline$/, `title of ${page.url()}`)
}

// The page checked at phone width (no sideways scroll) and at desktop width,
// where it is left.
async function checkAtWidths (page) {
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport)
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth
    }))
    assert.ok(scroll <= client, `${page.url()} is ${scroll} px wide in a ${client} px window`)
    await check(page)
  }
}

// The open (or acknowledged) alerts the signed-in user's agency owns, read
// through the alerts API.
async function openAlerts (page, server) {
  const alerts = []
  for (let offset = 0; ; offset += 200) {
    const reply = await page.request.get(`${server.url}/api/v1/alerts?status=open,acknowledged&limit=200&offset=${offset}`)
    assert.equal(reply.status(), 200)
    const body = await reply.json()
    alerts.push(...body.alerts)
    if (body.alerts.length < 200) return alerts
  }
}

async function openAlert (page, server, which) {
  return (await openAlerts(page, server)).find(which)
}

async function submit (page, text) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(`button:has-text("${text}")`)])
}

describe('pages', () => {
  test('serve --demo says where to open it and how to sign in', async () => {
    // The line follows "Listening on", which is all startServe waits for.
    const printed = /Open http:\/\/localhost:\d+\/ in a browser/
    for (let i = 0; i < 100 && !printed.test(serve.output()); i++) await new Promise((resolve) => setTimeout(resolve, 50))
    assert.match(serve.output(), printed)
    assert.ok(serve.passwords['demo.hv'], 'a password for demo.hv')
  })

  test('sign in: refused with the error summary, then accepted', async () => {
    const page = await newPage(browser)
    await page.goto(`${serve.url}/`)
    assert.match(page.url(), /\/sign-in$/)
    await check(page)

    await page.fill('#username', 'demo.hv')
    await page.fill('#password', 'not the password at all')
    await submit(page, 'Sign in')
    assert.match(await page.title(), /^Error: Sign in/)
    const summary = page.locator('.govuk-error-summary')
    assert.match(await summary.innerText(), /user name or password is wrong/)
    assert.equal(await summary.locator('a').getAttribute('href'), '#password')
    await check(page)

    await page.fill('#username', 'demo.hv')
    await page.fill('#password', serve.passwords['demo.hv'])
    await submit(page, 'Sign in')
    assert.equal(new URL(page.url()).pathname, '/my-work')
    assert.match(await page.locator('.app-account').innerText(), /demo\.hv/)
    await check(page)

    await signOut(page)
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /You have signed out/)
    await check(page)
    await page.context().close()
  })

  test('find Sofia, see her chronology, filter it by agency, words and as known at a date', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.hv')
    await page.goto(`${serve.url}/children`)
    await check(page)
    await page.fill('#q', 'Sofia')
    await submit(page, 'Search')
    await check(page)
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Sofia Withheld")')])
    assert.equal(await page.locator('h1').innerText(), 'Sofia Withheld')
    const latest = await page.locator('.app-timeline__item').count()
    assert.ok(latest > 0 && latest <= 11, `the latest entries (${latest})`)
    assert.equal(await page.locator('.govuk-summary-list__row', { hasText: 'Last seen' }).count(), 1)
    assert.match(await page.locator('body').innerText(), /Who is involved now/)
    await check(page)

    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Full chronology")')])
    assert.equal(new URL(page.url()).pathname, '/children/sofia/chronology')
    assert.equal(await page.locator('h1').innerText(), 'Chronology')
    const all = await page.locator('.app-timeline__item').count()
    assert.ok(all >= 50, `the first page of the chronology (${all} entries)`)
    const months = await page.locator('.app-timeline__month').allInnerTexts()
    assert.ok(months.length > 3, `month headings: ${months.join(', ')}`)
    await check(page)

    await page.check('input[name=agency][value=ealing-hv]')
    await submit(page, 'Show')
    const metas = await page.locator('.app-timeline__meta').allInnerTexts()
    assert.ok(metas.length > 0 && metas.length < all, `filtered to ${metas.length}`)
    for (const m of metas) assert.match(m, /Ealing health visiting/)
    await check(page)

    await page.check('input[name=agency][value=luton-csc]')
    await submit(page, 'Show')
    const two = await page.locator('.app-timeline__meta').allInnerTexts()
    assert.ok(two.length > metas.length, `two agencies: ${two.length}`)
    assert.ok(two.some((m) => /Luton/.test(m)), 'Luton among them')
    await check(page)

    await page.uncheck('input[name=agency][value=ealing-hv]')
    await page.uncheck('input[name=agency][value=luton-csc]')
    await page.fill('#q', 'Moses basket')
    await submit(page, 'Show')
    assert.equal(await page.locator('.app-timeline__item').count(), 2)
    await check(page)

    await page.fill('#q', '')
    await page.fill('#known-day', '31')
    await page.fill('#known-month', '12')
    await page.fill('#known-year', '2012')
    await submit(page, 'Show')
    const then = await page.locator('.app-timeline__meta').allInnerTexts()
    assert.ok(then.length > 0 && then.length <= all, `as known at 31 December 2012: ${then.length}`)
    for (const m of then) assert.match(m, /2012/)
    await check(page)

    await page.fill('#known-day', '31')
    await page.fill('#known-month', '2')
    await submit(page, 'Show')
    assert.match(await page.locator('.govuk-error-summary').innerText(), /real date/)
    await check(page)
    await page.context().close()
  })

  test('recording a contact with the child seen updates when she was last seen', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.hv')
    await page.goto(`${serve.url}/children/sofia/record/contact`)
    await check(page)
    await submit(page, 'Save')
    assert.match(await page.title(), /^Error: /)
    const errors = await page.locator('.govuk-error-summary a').allInnerTexts()
    assert.ok(errors.some((e) => /how the contact was made/.test(e)), errors.join('\n'))
    await check(page)

    await page.check('#mode')  // home visit
    await page.check('#child_seen')  // yes
    await page.check('#outcome')  // seen
    await page.fill('#note', 'Sofia seen at home, well and alert.')
    // Seen in person: where must be said (it is what confirms the address).
    await submit(page, 'Save')
    const where = await page.locator('.govuk-error-summary a').allInnerTexts()
    assert.deepEqual(where, ['Select where the child was seen'])
    await check(page)
    await page.getByLabel(/^At the home address \(.+ 9ZZ\)$/).check()
    await submit(page, 'Save')
    assert.match(page.url(), /\/children\/sofia\?recorded=contact$/)
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Contact recorded/)
    const lastSeen = await page.locator('.govuk-summary-list__row', { hasText: 'Last seen' }).innerText()
    const today = new Date()
    assert.match(lastSeen, new RegExp(`${today.getDate()} \\w+ ${today.getFullYear()}.*Ealing health visiting`))
    assert.match(await page.locator('.app-timeline').first().innerText(), /Sofia seen at home, well and alert\./)
    await check(page)
    await page.context().close()
  })

  test('a strategy discussion without health warns before saving', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.manager')
    await page.goto(`${serve.url}/children/sofia/record/strategy-discussion`)
    await check(page)
    // Who took part is typed by name, with suggestions: the user's own agency
    // is there already, and a spare input takes another.
    const own = await page.locator('#participants').inputValue()
    assert.match(own, /Children's Social Care|social care/i, 'the user\'s own agency is given')
    assert.ok(await page.locator('#participants-agencies option[value="Metropolitan Police Service (Ealing)"]').count() >= 1, 'the police suggested')
    await page.check('input[name=format][value=telephone]')
    await page.fill('#participants-2', 'Metropolitan Police Service (Ealing)')
    await page.check('input[name=decision][value=s47_joint]')
    await submit(page, 'Save')
    const warning = await page.locator('#missing').innerText()
    assert.match(warning, /Not saved yet: health/)
    assert.match(await page.locator('button[type=submit]', { hasText: 'Save without' }).innerText(), /health/)
    assert.equal(await page.locator('#participants-2').inputValue(), 'Metropolitan Police Service (Ealing)', 'answers kept')
    await check(page)

    await page.fill('#missing_reason', 'Health visitor on leave; no cover arranged')
    await submit(page, 'Save without')
    assert.match(page.url(), /recorded=strategy_discussion/)
    assert.match(await page.locator('.app-timeline').first().innerText(), /Strategy discussion \(telephone\)/)
    await check(page)
    await page.context().close()
  })

  test('the transfer form starts from what the sender knows', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.manager')
    await page.goto(`${serve.url}/children/sofia/record/transfer`)
    assert.equal(await page.locator('input[name=status]:checked').getAttribute('value'), 'incomplete_assessment')
    assert.ok(await page.locator('input[name=risks]:checked').count() > 0, 'active indicators ticked')
    await check(page)
    await page.goto(`${serve.url}/children/sofia/record/referral`)
    await check(page)
    await page.goto(`${serve.url}/children/sofia/record/referral-outcome`)
    await check(page)
    await page.context().close()
  })

  test('break-glass asks for a reason, opens the record and is in the audit', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.luton')
    await page.goto(`${serve.url}/children/sofia`)
    assert.match(await page.locator('h1').innerText(), /no recorded involvement/)
    assert.equal(await page.locator('.app-timeline').count(), 0, 'nothing of the record shown')
    await check(page)

    await submit(page, 'See the record')
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter why you need to see this record/)
    await check(page)

    const reason = 'Sofia brought to Luton A&E tonight; checking for a plan'
    await page.fill('#reason', reason)
    await submit(page, 'See the record')
    assert.equal(await page.locator('h1').innerText(), 'Sofia Withheld')
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /breaking the glass/)
    await check(page)
    await page.context().close()

    // Ealing's safeguarding lead sees who looked, and why.
    const lead = await newPage(browser)
    await signIn(lead, serve, 'demo.lead')
    await lead.goto(`${serve.url}/children/sofia/audit`)
    const row = lead.locator('tr', { hasText: 'Broke the glass' })
    assert.match(await row.innerText(), /demo\.luton/)
    assert.match(await row.innerText(), /Luton A&E tonight/)
    await check(lead)
    await lead.context().close()

    // Luton's own lead is told.
    const lutonLead = await newPage(browser)
    await signIn(lutonLead, serve, 'demo.luton-lead')
    assert.match(await lutonLead.locator('#break-glass ~ table').innerText(), /demo\.luton[\s\S]*Broke the glass[\s\S]*Luton A&E tonight/)
    await check(lutonLead)
    await lutonLead.context().close()
  })

  test('keyboard only: skip link, sign in, search and open a record', async () => {
    const page = await newPage(browser)
    await page.goto(`${serve.url}/sign-in`)
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content')
    await page.keyboard.press('Enter')
    // Following the link changes the URL after the key press returns; on a
    // loaded machine, reading it at once raced the navigation.
    await page.waitForURL(/#main-content$/, { timeout: 5000 })
    assert.match(page.url(), /#main-content$/)

    async function tabTo (selector, limit = 40) {
      for (let i = 0; i < limit; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return
        await page.keyboard.press('Tab')
      }
      assert.fail(`Tab never reached ${selector}`)
    }
    await tabTo('#username')
    await page.keyboard.type('demo.hv')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement.id), 'password')
    await page.keyboard.type(serve.passwords['demo.hv'])
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    assert.equal(new URL(page.url()).pathname, '/my-work')

    await tabTo('a[href="/children"]')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    await tabTo('#q')
    await page.keyboard.type('Sofia')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    await tabTo('a[href="/children/sofia"]')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    assert.equal(await page.locator('h1').innerText(), 'Sofia Withheld')
    // Focus is always visible: the focused link has GOV.UK's yellow focus style.
    await tabTo('a[href="/children/sofia/record/contact"]')
    const background = await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor)
    assert.equal(background, 'rgb(255, 221, 0)')
    await check(page)
    await page.context().close()
  })

  test('My work lists the agency\'s due alerts; acknowledging needs a note and works from the keyboard', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.social-worker')
    assert.equal(new URL(page.url()).pathname, '/my-work')
    const cards = page.locator('.govuk-summary-card')
    assert.ok(await cards.count() > 0, 'some alerts for Ealing social care')
    const first = await cards.first().innerText()
    for (const label of ['Due', 'Rule', 'Guards against', 'What would resolve it', 'Escalation level']) {
      assert.match(first, new RegExp(label))
    }
    await check(page)

    // A blank note is refused with the error summary.
    await Promise.all([page.waitForNavigation(), cards.first().locator('button:has-text("Acknowledge")').click()])
    assert.match(await page.title(), /^Error: My work/)
    const error = page.locator('.govuk-error-summary a')
    assert.match(await error.innerText(), /Enter a note/)
    await check(page)

    // From the card's child link to the note and the button, by keyboard alone.
    const id = (await page.locator('.govuk-summary-card').first().getAttribute('id')).slice('alert-'.length)
    await page.focus(`#alert-${id} h2 a`)
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.name === 'note')); i++) {
      await page.keyboard.press('Tab')
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), `note-${id}`)
    await page.keyboard.type('Visit booked for Thursday.')
    await page.keyboard.press('Tab')
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Acknowledge/)
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Alert acknowledged/)
    assert.match(await page.locator(`#alert-${id}`).innerText(), /Visit booked for Thursday\./)
    await check(page)
    await page.context().close()
  })

  test('My work lists the notices the safeguards sent to the agency', async () => {
    // Ealing's health visiting is told at once of each baby registered with a
    // GP in its area (Sofia's registration among them); the newest come first.
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.hv')
    assert.equal(new URL(page.url()).pathname, '/my-work')
    const reply = await page.request.get(`${serve.url}/api/v1/safeguard-notices?limit=200`)
    assert.equal(reply.status(), 200)
    const sent = await reply.json()
    assert.ok(sent.notices.some((n) => n.child === 'sofia' && n.rule === 'hv-new-registration'), 'Sofia\'s registration')
    assert.equal(await page.locator('h2#notices').innerText(), 'Notices')
    const rows = page.locator('#notices ~ table').first().locator('tbody tr')
    assert.equal(await rows.count(), Math.min(sent.total, 25))
    const newest = sent.notices[0]
    const first = rows.first()
    assert.equal(await first.locator('a').getAttribute('href'), `/children/${newest.child}`)
    assert.match(await first.innerText(), /New GP registration: health visitor to see the child/)
    assert.ok((await first.innerText()).includes(newest.child_name), 'the child named')
    assert.doesNotMatch(await first.innerText(), /E\d{8}-gp/, 'the practice named, not its code')
    await check(page)
    await page.context().close()
  })

  test('a phone contact cannot resolve a sighting, at desktop and phone widths', async () => {
    // The demonstration's Mia, not seen by Ealing's social worker for six
    // weeks: a phone call marked "seen" is refused, and recorded as not seen
    // it leaves her child-not-seen alert open (R69).
    const page = await newPage(browser, desktop)
    await signIn(page, serve, 'demo.social-worker')
    const alert = await openAlert(page, serve, (a) => a.rule === 'child-not-seen' && a.child === 'demo-mia')
    assert.ok(alert, 'Mia\'s open child-not-seen alert')
    await page.goto(`${serve.url}/children/demo-mia/record/contact`)
    await checkAtWidths(page)
    await page.check('input[name=mode][value=phone]')
    await page.check('input[name=child_seen][value=yes]')
    await page.check('input[name=outcome][value=seen]')
    await submit(page, 'Save')
    assert.match(await page.title(), /^Error: /)
    assert.match(await page.locator('.govuk-error-summary').innerText(), /A phone call cannot show the child/)
    assert.equal(await page.locator('input[name=mode][value=phone]').isChecked(), true, 'answers kept')
    await checkAtWidths(page)

    await page.check('input[name=child_seen][value=no]')
    await page.check('input[name=outcome][value=no_answer]')
    await page.fill('#note', 'Rang mother, no answer.')
    await submit(page, 'Save')
    assert.match(page.url(), /\/children\/demo-mia\?recorded=contact$/)
    assert.match(await page.locator('.app-timeline').first().innerText(), /Rang mother, no answer\./)
    const row = page.locator('#alerts ~ table').first().locator('tr', { hasText: 'Child not seen often enough' })
    assert.match(await row.first().innerText(), /Open|Acknowledged/)
    await checkAtWidths(page)
    assert.ok(await openAlert(page, serve, (a) => a.id === alert.id), 'still open after the phone call')
    await page.context().close()
  })

  test('recording a contact with the child seen resolves a child-not-seen alert', async () => {
    // The demonstration's Mia: Ealing's social worker saw her when the
    // assessment began six weeks ago and not since (src/cli/demo_feed.h).
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.social-worker')
    let alert
    for (let offset = 0; !alert && offset < 4000; offset += 200) {
      const reply = await page.request.get(`${serve.url}/api/v1/alerts?status=open,acknowledged&limit=200&offset=${offset}`)
      assert.equal(reply.status(), 200)
      const body = await reply.json()
      alert = body.alerts.find((a) => a.rule === 'child-not-seen')
      if (body.alerts.length < 200) break
    }
    assert.ok(alert, 'an open child-not-seen alert owned by Ealing children\'s social care')
    assert.equal(alert.owner, 'ealing-csc')
    await page.goto(`${serve.url}/my-work`)
    assert.equal(await page.locator(`#alert-${alert.id}`).count(), 1)

    await page.goto(`${serve.url}/children/${alert.child}/record/contact`)
    await page.check('#mode')  // home visit
    await page.check('#child_seen')  // yes
    await page.check('#outcome')  // seen
    await page.getByLabel('Somewhere else').check()
    await submit(page, 'Save')
    // Somewhere else needs its postcode; the area is the user's own until changed.
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the postcode/)
    assert.equal(await page.locator('#seen_area').inputValue(), 'E09000009')
    await check(page)
    await page.fill('#seen_postcode', 'W5 2HL')
    await submit(page, 'Save')
    assert.match(page.url(), /\?recorded=contact$/)
    const row = page.locator('#alerts ~ table').first().locator('tr', { hasText: 'Child not seen often enough' })
    assert.match(await row.first().innerText(), /Resolved/)
    await check(page)

    await page.goto(`${serve.url}/my-work`)
    assert.equal(await page.locator(`#alert-${alert.id}`).count(), 0)
    await page.context().close()
  })

  test('the named worker of each agency involved, and how to reach them; recording a new one', async () => {
    // The demonstration's Mia: Grace Okafor is Ealing children's social
    // care's named worker (src/cli/demo_feed.h).
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.social-worker')
    await page.goto(`${serve.url}/children/demo-mia`)
    const involved = page.locator('table', { hasText: 'Agency and named worker' })
    assert.match(await involved.innerText(), /Named worker: Grace Okafor/)
    assert.equal(await involved.locator('a[href="tel:02079460102"]').innerText(), '020 7946 0102')
    assert.equal(await involved.locator('a[href^="mailto:"]').getAttribute('href'), 'mailto:grace.okafor@ealing-csc.example.org')
    await checkAtWidths(page)

    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Your agency\'s named worker")')])
    assert.match(page.url(), /\/children\/demo-mia\/record\/allocation$/)
    assert.equal(await page.locator('#worker').inputValue(), 'Grace Okafor')
    await checkAtWidths(page)
    await page.fill('#worker', 'Tom Reid')
    await page.fill('#phone', 'ask reception')
    await page.fill('#email', '')
    await submit(page, 'Save')
    assert.match(await page.locator('.govuk-error-summary').innerText(), /telephone number/)
    assert.equal(await page.locator('.govuk-error-summary a[href="#phone"]').count(), 1)
    await check(page)
    await page.fill('#phone', '020 7946 0999')
    await submit(page, 'Save')
    assert.match(page.url(), /\?recorded=allocation$/)
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Named worker recorded/)
    const now = page.locator('table', { hasText: 'Agency and named worker' })
    assert.match(await now.innerText(), /Named worker: Tom Reid/)
    assert.equal(await now.locator('a[href="tel:02079460999"]').count(), 1)
    assert.equal(await now.locator('a[href^="mailto:"]').count(), 0)
    await check(page)
    await page.context().close()

    // Sofia died: no one is involved now, but the named workers of the cases
    // not closed are whom a review of her death asks.
    const hv = await newPage(browser)
    await signIn(hv, serve, 'demo.hv')
    await hv.goto(`${serve.url}/children/sofia`)
    const workers = await hv.locator('h3:has-text("Named workers of the cases not closed") + dl').innerText()
    assert.match(workers, /Ruth Adeyemi/)
    assert.doesNotMatch(workers, /Hannah Webb/)  // Ealing's social worker closed the case
    await checkAtWidths(hv)
    await hv.context().close()
  })

  test('at phone width (390 px) no page scrolls sideways', async () => {
    const visits = [
      ['demo.hv', ['/my-work', '/children?q=Sofia', '/children?q=Nobody%20Known', '/children/sofia', '/children/sofia/chronology', '/transfers',
        '/children/sofia/record/contact', '/children/sofia/record/found']],
      ['demo.manager', ['/children/sofia/record/case-closed', '/children/sofia/record/strategy-discussion']],
      ['demo.lead', ['/dashboard']]
    ]
    for (const [user, paths] of visits) {
      const page = await newPage(browser, { width: 390, height: 844 })
      await signIn(page, serve, user)
      for (const path of paths) {
        await page.goto(`${serve.url}${path}`)
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth
        }))
        assert.ok(scroll <= client, `${path} as ${user} is ${scroll} px wide in a ${client} px window`)
        await check(page)
      }
      await page.context().close()
    }
  })

  test('Transfers lists what awaits acceptance', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.social-worker')
    await page.click('a.govuk-service-navigation__link:has-text("Transfers")')
    await page.waitForURL(/\/transfers$/)
    assert.match(await page.locator('h1').innerText(), /Transfers/)
    assert.match(await page.locator('main').innerText(), /Incoming, awaiting acceptance/)
    await check(page)
    await page.context().close()
  })

  test('a transfer accepted by the receiver lets the sender close the case, at both widths', async () => {
    // Ealing's health visitor hands Ayaan to Birmingham's health visiting.
    const sender = await newPage(browser, desktop)
    await signIn(sender, serve, 'demo.hv')
    await sender.goto(`${serve.url}/children/c881/record/transfer`)
    // The agency picker takes a name or an agency's id.
    await sender.fill('#to', 'E08000025-hv')
    await sender.check('input[name=mode][value=written]')
    await sender.fill('#summary', 'Family moved to Birmingham; next review due at 2 years.')
    await checkAtWidths(sender)
    await submit(sender, 'Save')
    assert.match(sender.url(), /\/children\/c881\?recorded=transfer$/)

    // Until the receiver accepts with the child seen, the sender may not close.
    await sender.goto(`${serve.url}/children/c881/record/case-closed`)
    await sender.check('input[name=reason][value=transferred]')
    await submit(sender, 'Save')
    assert.match(await sender.locator('.govuk-error-summary').innerText(),
      /The case cannot be closed: A transfer from your agency.*has not been accepted with the child seen/)
    await checkAtWidths(sender)

    // The receiver: Transfers, Accept, "seen since" answered.
    const receiver = await newPage(browser, phone)
    await signIn(receiver, serve, 'demo.birmingham-hv')
    await receiver.goto(`${serve.url}/transfers`)
    const row = receiver.locator('tr', { hasText: 'Ayaan Lewis' })
    assert.equal(await row.count(), 1, 'Ayaan awaits acceptance')
    await checkAtWidths(receiver)
    await Promise.all([receiver.waitForNavigation(), row.locator('a', { hasText: 'Accept' }).click()])
    assert.match(new URL(receiver.url()).pathname, /^\/children\/c881\/transfers\/[^/]+\/accept$/)
    await checkAtWidths(receiver)
    await submit(receiver, 'Accept the transfer')
    assert.match(await receiver.locator('.govuk-error-summary').innerText(), /Select whether your agency has seen the child/)
    await checkAtWidths(receiver)
    await receiver.check('input[name=child_seen][value=yes]')
    await submit(receiver, 'Accept the transfer')
    assert.match(await receiver.locator('.govuk-notification-banner').innerText(), /Transfer accepted, with the child seen/)
    assert.equal(await receiver.locator('tr', { hasText: 'Ayaan Lewis' }).count(), 0, 'no longer awaiting')
    await checkAtWidths(receiver)
    await receiver.context().close()

    // The sender's closure is no longer refused for that transfer.
    await sender.goto(`${serve.url}/transfers`)
    assert.equal(await sender.locator('tr', { hasText: 'Ayaan Lewis' }).count(), 0, 'no longer outgoing')
    await sender.goto(`${serve.url}/children/c881/record/case-closed`)
    assert.doesNotMatch(await sender.locator('main').innerText(), /has not been accepted/)
    await sender.check('input[name=reason][value=transferred]')
    await submit(sender, 'Save')
    assert.match(sender.url(), /\/children\/c881\?recorded=case_closed$/)
    assert.match(await sender.locator('.govuk-notification-banner').innerText(), /Case closed recorded/)
    await checkAtWidths(sender)
    await sender.context().close()
  })

  test('a health visitor follows a registration notice to the child without break-glass, at both widths', async () => {
    for (const viewport of [desktop, phone]) {
      const page = await newPage(browser, viewport)
      await signIn(page, serve, 'demo.hv')
      const row = page.locator('#notices ~ table').first().locator('tbody tr', { hasText: 'New GP registration' }).first()
      const name = await row.locator('a').innerText()
      await Promise.all([page.waitForNavigation(), row.locator('a').click()])
      assert.match(new URL(page.url()).pathname, /^\/children\/[^/]+$/)
      assert.equal(await page.locator('h1').innerText(), name)
      assert.equal(await page.locator('#reason').count(), 0, 'no break-glass form')
      assert.ok(await page.locator('.app-timeline__item').count() > 0, 'the chronology shown')
      await checkAtWidths(page)
      await page.context().close()
    }
  })

  test('the analyst opens the dashboard, filters it by area, and downloads a figure whose rows match the page', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.analyst')
    await page.click('a.govuk-service-navigation__link:has-text("Dashboard")')
    await page.waitForURL(/\/dashboard$/)
    assert.equal(await page.locator('h1').innerText(), 'Partnership dashboard')
    const figures = page.locator('section.app-figure')
    assert.equal(await figures.count(), 8)
    assert.match(await figures.first().locator('.govuk-caption-m').innerText(), /^F1: /)
    // Every chart is an image named by its title, drawn without script.
    for (const svg of await page.locator('svg.app-chart').all()) {
      assert.equal(await svg.getAttribute('role'), 'img')
      assert.ok((await svg.locator('title').textContent()).length > 0)
    }
    assert.equal(await page.locator('main script').count(), 0)
    // Its weight is checked with every other page's, below.
    const html = await (await page.request.get(`${serve.url}/dashboard`)).text()
    assert.doesNotMatch(html, /Sofia|sofia/)
    await check(page)

    // The area filter, by keyboard alone: all areas.
    await page.focus('#area')
    await page.selectOption('#area', 'all')
    await page.keyboard.press('Tab')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    assert.match(page.url(), /\/dashboard\?area=all$/)
    await check(page)

    // A figure with cases: its table's rows are the CSV's rows.
    const section = page.locator('section.app-figure', { has: page.locator('h2', { hasText: 'Children not seen for longer than their plan allows' }) })
    await section.locator('summary').click()
    const table = await section.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())))
    const link = section.locator('a:has-text("Download CSV")')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    assert.match(download.suggestedFilename(), /^children-not-seen-all\.csv$/)
    const reply = await page.request.get(new URL(await link.getAttribute('href'), serve.url).href)
    assert.match(reply.headers()['content-type'], /^text\/csv/)
    assert.match(reply.headers()['content-disposition'], /^attachment; filename=/)
    const csv = (await reply.text()).trim().split('\r\n')
    assert.equal(csv[0], 'area_code,area_name,month,numerator,denominator,percent')
    const byMonth = new Map()
    for (const line of csv.slice(1)) {
      const month = line.match(/,(\d{4}-\d{2}),(\d+),,$/)
      assert.ok(month, line)
      byMonth.set(month[1], (byMonth.get(month[1]) ?? 0) + Number(month[2]))
    }
    const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
    let counted = 0
    for (const [month, count] of table) {
      const [name, year] = month.split(' ')
      const key = `${year}-${String(names.indexOf(name) + 1).padStart(2, '0')}`
      assert.equal(Number(count), byMonth.get(key) ?? 0, `${month}: page ${count}, CSV ${byMonth.get(key)}`)
      counted += Number(count)
    }
    assert.ok(counted > 0, 'the demo has children not seen in the months shown')
    await check(page)
    await page.context().close()
  })

  test('practitioners have no dashboard', async () => {
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.hv')
    assert.equal(await page.locator('a.govuk-service-navigation__link:has-text("Dashboard")').count(), 0)
    const response = await page.goto(`${serve.url}/dashboard`)
    assert.equal(response.status(), 403)
    await check(page)
    await page.context().close()
  })

  test('a closure the safeguards forbid is refused with the reason', async () => {
    // A child with a transfer to or from a practitioner's agency not yet accepted.
    let page
    let child
    for (const user of ['demo.social-worker', 'demo.hv', 'demo.luton', 'demo.birmingham-hv']) {
      page = await newPage(browser)
      await signIn(page, serve, user)
      const reply = await page.request.get(`${serve.url}/api/v1/transfers`)
      const body = await reply.json()
      child = [...(body.incoming ?? []), ...(body.outgoing ?? [])][0]?.child
      if (child) break
      await page.context().close()
    }
    assert.ok(child, 'a demo transfer awaiting acceptance')
    await page.goto(`${serve.url}/children/${child}/record/case-closed`)
    await check(page)
    // Not "moved out", which has a refusal of its own (no transfer, child unseen).
    await page.check('input[name=reason][value=no_further_action]')
    await submit(page, 'Save')
    assert.match(await page.title(), /^Error: /)
    assert.match(await page.locator('.govuk-error-summary').innerText(),
      /The case cannot be closed: A transfer (to|from) your agency.*has not been accepted with the child seen/)
    await check(page)
    await page.context().close()
  })

  test('every page with its stylesheet weighs under 100 kB as sent', async () => {
    // Bytes as a browser receives them (it accepts gzip: serve compresses the
    // stylesheet, never a page); no fonts are used. Timings are measured by
    // bench/serve-pages, never here.
    const page = await newPage(browser)
    await signIn(page, serve, 'demo.lead')
    const session = (await page.context().cookies()).find((c) => c.name === '__Host-sightline')
    const bytesOf = (path, cookie) => new Promise((resolve, reject) => {
      const headers = { 'Accept-Encoding': 'gzip, deflate, br' }
      if (cookie) headers.Cookie = `__Host-sightline=${cookie}`
      httpGet(`${serve.url}${path}`, { headers }, (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }))
      }).on('error', reject)
    })
    const paths = ['/sign-in', '/accessibility', '/', '/my-work', '/transfers', '/children', '/children?q=Sofia',
      '/children/sofia', '/children/sofia/audit', '/children/sofia/record/contact',
      '/children/sofia/record/referral', '/children/sofia/record/referral-outcome',
      '/children/sofia/record/strategy-discussion', '/children/sofia/record/transfer',
      '/children/sofia/record/case-closed', '/dashboard']
    for (const path of paths) {
      const html = await bytesOf(path, session.value)
      assert.equal(html.status, 200, path)
      const href = html.body.toString().match(/<link rel="stylesheet" href="([^"]+)"/)[1].replaceAll('&amp;', '&')
      const css = await bytesOf(href)
      assert.equal(css.status, 200, href)
      const total = html.body.length + css.body.length
      assert.ok(total < 100000, `${path}: ${html.body.length} bytes of HTML + ${css.body.length} of CSS`)
    }
    await page.context().close()
  })

  test('pages need a session, and forms their CSRF token', async () => {
    const page = await newPage(browser)
    await page.goto(`${serve.url}/children/sofia`)
    assert.match(page.url(), /\/sign-in\?next=%2Fchildren%2Fsofia$/)
    await page.fill('#username', 'demo.hv')
    await page.fill('#password', serve.passwords['demo.hv'])
    await submit(page, 'Sign in')
    assert.equal(new URL(page.url()).pathname, '/children/sofia')
    // A form posted without the token changes nothing.
    const response = await page.request.post(`${serve.url}/children/sofia/record/contact`, {
      form: { mode: 'home_visit', child_seen: 'yes', outcome: 'seen', 'at-day': '1', 'at-month': '1', 'at-year': '2026' }
    })
    assert.equal(response.status(), 403)
    await page.goto(`${serve.url}/no-such-page`)
    assert.equal(await page.locator('h1').innerText(), 'Page not found')
    await check(page)
    await page.goto(`${serve.url}/accessibility`)
    await check(page)
    await page.context().close()
  })
})

// Every open alert of the demonstration, as a user of the agency that owns
// it: its "Record it" link (on My work and on the child's page) leads to a
// form pre-filled for the child, and sending the form resolves the alert.
// Driven by the alerts API, so a rule whose alerts have no form fails here.
describe('every alert in the demo can be resolved from its own page', () => {
  // Sensible answers for the fields a form leaves empty; any other empty
  // radio group or select takes its first choice.
  const answers = {
    line1: '2 Example Road',
    town: 'Birmingham',
    postcode: 'B1 1AA',
    seen_postcode: 'W5 2AA',  // where the child was seen, when not at home
    note: 'Recorded from the alert.',
    summary: 'Handed over in writing with the record.'
  }

  // Fills what the pre-filled form left empty, and returns what it filled.
  async function fillTheRest (page, routes) {
    return page.evaluate(([answers, routes]) => {
      const filled = []
      const form = document.querySelector('main form[method=post]')
      const groups = new Map()
      for (const input of form.querySelectorAll('input[type=radio], input[type=checkbox]')) {
        if (!groups.has(input.name)) groups.set(input.name, [])
        groups.get(input.name).push(input)
      }
      for (const [name, inputs] of groups) {
        // The routes of support an alert lists are the ones to cover.
        const listed = inputs.filter((i) => routes.includes(i.value) && !i.checked)
        for (const i of listed) { i.click(); filled.push(`${name}=${i.value}`) }
        if (inputs.some((i) => i.checked)) continue
        // Optional checkboxes ("risks", "participants") stay as they are
        // unless the group is the form's only question.
        if (inputs[0].type === 'checkbox' && groups.size > 1) continue
        inputs[0].click()
        filled.push(`${name}=${inputs[0].value}`)
      }
      for (const select of form.querySelectorAll('select')) {
        if (select.value) continue
        const option = [...select.options].find((o) => o.value)
        if (option) { select.value = option.value; filled.push(`${select.name}=${option.value}`) }
      }
      for (const field of form.querySelectorAll('input[type=text], textarea')) {
        if (field.value || !(field.name in answers)) continue
        field.value = answers[field.name]
        filled.push(`${field.name}=${field.value}`)
      }
      return filled
    }, [answers, routes])
  }

  test('each open alert, from its Record it link, by the owning agency', async () => {
    // Each alert with the first demo user of the agency that owns it.
    const work = []
    const seen = new Set()
    const pages = new Map()  // user -> a page signed in as them
    for (const user of Object.keys(fresh.passwords)) {
      const page = await newPage(browser, desktop)
      await signIn(page, fresh, user)
      const agency = (await (await page.request.get(`${fresh.url}/api/v1/transfers`)).json()).agency
      const reply = await page.request.get(`${fresh.url}/api/v1/alerts?status=open,acknowledged&limit=1`)
      if (agency && reply.status() === 200) {
        const mine = (await openAlerts(page, fresh)).filter((a) => a.owner === agency && !seen.has(a.id))
        // Every one has its link, before any is resolved (one form may
        // resolve several alerts of the child).
        if (mine.length > 0) await page.goto(`${fresh.url}/my-work`)
        for (const a of mine) {
          const link = page.locator(`#alert-${a.id} a`, { hasText: 'Record it' })
          assert.equal(await link.count(), 1, `${a.rule} for ${a.child} as ${user}: a Record it link on My work`)
          seen.add(a.id)
          work.push({ user, alert: a })
        }
        if (mine.length > 0) { pages.set(user, page); continue }
      }
      await page.context().close()
    }
    assert.ok(work.length >= 10, `the demo's open alerts: ${work.length}`)
    const rules = new Set(work.map((w) => w.alert.rule))
    assert.ok(rules.size >= 8, `rules: ${[...rules].join(', ')}`)

    const unresolved = []
    const awaitingReceiver = new Set()  // rules whose alert here only the receiver can resolve
    const senders = []  // the sender's alerts, to be gone once the receiver resolved theirs
    const resolved = new Set()
    const resolvedHere = new Set()  // `${rule} ${child}` of each alert resolved by its own form
    // Each page at both widths the first time its path is seen; after that
    // at desktop width only, to keep the walk short.
    const checked = new Set()
    async function checkOnce (page) {
      const path = new URL(page.url()).pathname.replace(/\/transfers\/[^/]+\//, '/transfers/*/')
      if (checked.has(path)) return check(page)
      checked.add(path)
      return checkAtWidths(page)
    }
    for (const { user, alert } of work) {
      const what = `${alert.rule} for ${alert.child_name} (${alert.child}) as ${user}`
      const page = pages.get(user)
      // Still open: an earlier form may have resolved it too.
      if (!(await openAlert(page, fresh, (a) => a.id === alert.id))) { resolved.add(alert.rule); continue }
      await page.goto(`${fresh.url}/my-work`)
      const card = page.locator(`#alert-${alert.id}`)
      assert.equal(await card.count(), 1, `${what}: on My work`)
      const link = card.locator('a', { hasText: 'Record it' })
      assert.equal(await link.count(), 1, `${what}: a Record it link`)
      const href = await link.getAttribute('href')
      // The child's page links to the same form.
      await page.goto(`${fresh.url}/children/${alert.child}`)
      assert.ok(await page.locator(`#alerts ~ table a[href="${href}"]`).count() >= 1, `${what}: Record it on the child's page`)
      await checkOnce(page)

      await Promise.all([page.waitForNavigation(), page.locator(`#alerts ~ table a[href="${href}"]`).first().click()])
      assert.match(new URL(page.url()).pathname, new RegExp(`^/children/${alert.child}/`), `${what}: a form for the child`)
      assert.match(await page.locator('main').innerText(), new RegExp(alert.child_name), `${what}: the child named`)
      await checkOnce(page)
      if (await page.locator('main form[method=post]').count() === 0) {
        // Only the sender of a transfer is given no form: the receiver's
        // record of the child seen resolves its alert too. Its transfers
        // page lists the transfer as awaiting the receiver.
        assert.equal(alert.rule, 'transfer-child-not-seen', `${what}: no form to resolve it`)
        assert.match(await page.locator('main').innerText(), /Only the receiving agency can record/, `${what}: who must record it`)
        await Promise.all([page.waitForNavigation(), page.locator('main a', { hasText: 'transfers' }).click()])
        await checkOnce(page)
        assert.ok(await page.locator('tr', { hasText: alert.child_name }).count() >= 1, `${what}: listed on Transfers`)
        senders.push({ user, alert, what })
        continue
      }
      const filled = await fillTheRest(page, alert.routes ?? [])
      await Promise.all([page.waitForNavigation(), page.locator('main form[method=post] button[type=submit]').last().click()])
      const errors = await page.locator('.govuk-error-summary').count() ? await page.locator('.govuk-error-summary').innerText() : ''
      assert.equal(errors, '', `${what}: the form (${filled.join(', ')}) was refused`)
      await check(page)
      const open = await openAlert(page, fresh, (a) => a.id === alert.id)
      if (open) unresolved.push(`${what}, after ${filled.join(', ')}`)
      else { resolved.add(alert.rule); resolvedHere.add(`${alert.rule} ${alert.child}`) }
    }
    // A sender's alert is gone once the receiver recorded the child seen; one
    // whose receiver has no user in the demo still waits, on Transfers.
    const stillOpen = []
    for (const { user, alert, what } of senders) {
      const open = await openAlert(pages.get(user), fresh, (a) => a.id === alert.id)
      if (!open) resolved.add(alert.rule)
      else if (resolvedHere.has(`${alert.rule} ${alert.child}`)) stillOpen.push(what)
      else awaitingReceiver.add(alert.rule)
    }
    assert.deepEqual(stillOpen, [], 'senders\' alerts left open after the receiver recorded the child seen')
    for (const page of pages.values()) await page.context().close()
    assert.deepEqual(unresolved, [], 'alerts left open by the form their link opens')
    assert.deepEqual([...new Set([...resolved, ...awaitingReceiver])].sort(), [...rules].sort(), 'every rule\'s alerts resolved')
  })
})
