// Progressive enhancement only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// Countdowns: an element with data-until (an ISO instant) shows the time left, updated every 20 seconds. The
// server already wrote the same words, so without scripts the page says how long was left when it was drawn.
const countdowns = document.querySelectorAll('[data-until]')

function words (millis) {
  const minutes = Math.floor(Math.abs(millis) / 60000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor(minutes / 60) % 24
  const mins = minutes % 60
  let text = ''
  if (days > 0) text += days + (days === 1 ? ' day ' : ' days ')
  if (days > 0 || hours > 0) text += hours + ' h '
  return text + mins + ' min'
}

function tick () {
  const now = Date.now()
  countdowns.forEach(element => {
    const left = Date.parse(element.dataset.until) - now
    const overdue = element.dataset.overdue || 'overdue'
    element.textContent = left < 0 ? words(left) + ' ' + overdue : words(left) + ' left'
  })
}

if (countdowns.length > 0) {
  tick()
  setInterval(tick, 20000)
}
