/**
 * The review pages' script, run in the browser. Written here so the
 * type checker reads it; served as the source of this one function, so it
 * must not use anything from outside its body.
 */
export function reviewClient(): void {
  type Status = 'unreviewed' | 'verified' | 'disputed' | 'false' | 'misleading' | 'unverifiable' | 'not-a-claim'
  interface Added {
    source: string
    cue: string
    content: string
    note: string
  }
  interface Review {
    status: Status
    reviewer: string
    date: string
    note: string
    evidence: string[]
    rejected: string[]
    added: Added[]
    needsRecheck: boolean
    previousText: string | null
  }
  const statuses: Status[] = ['unreviewed', 'verified', 'disputed', 'false', 'misleading', 'unverifiable', 'not-a-claim']

  // The index: filters and search.
  const table = document.querySelector<HTMLTableElement>('table.articles')
  if (table) {
    const apply = (): void => {
      const filter = document.querySelector<HTMLInputElement>('input[name=filter]:checked')?.value ?? 'all'
      const search = (document.querySelector<HTMLInputElement>('input[name=search]')?.value ?? '').toLowerCase()
      for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
        const flags = (row.dataset['flags'] ?? '').split(' ')
        const matches = (filter === 'all' || flags.includes(filter)) && (search === '' || (row.textContent ?? '').toLowerCase().includes(search))
        row.hidden = !matches
      }
    }
    document.addEventListener('input', apply)
    document.addEventListener('change', apply)
  }

  const dataElement = document.getElementById('page-data')
  if (!dataElement) return
  const data = JSON.parse(dataElement.textContent ?? '{}') as {path: string; reviews: Record<string, Review>}
  const alert = document.getElementById('alert')!
  const say = (html: string, kind: 'ok' | 'error'): void => {
    alert.className = `alert ${kind}`
    alert.innerHTML = html
  }
  const escape = (value: string): string =>
    value.replace(/[&<>"']/gu, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[char]!)
  const show = (value: unknown): string => escape(JSON.stringify(value))

  const formOf = (id: string): HTMLFormElement | null => document.querySelector<HTMLFormElement>(`form[data-form-for="${CSS.escape(id)}"]`)

  /** The review a form holds now: what it loaded, with what the reviewer changed. */
  const reviewIn = (form: HTMLFormElement, base: Review): Review => {
    const field = <T extends HTMLElement>(name: string): T | null => form.querySelector<T>(`[name="${name}"]`)
    const added: Added[] = []
    for (const set of form.querySelectorAll<HTMLFieldSetElement>('fieldset.added')) {
      const value = (role: string): string => set.querySelector<HTMLInputElement>(`[name="added-${role}"]`)?.value.trim() ?? ''
      const item = {source: value('source'), cue: value('cue'), content: value('content'), note: value('note')}
      if (item.source || item.cue || item.content || item.note) added.push(item)
    }
    const recheck = field<HTMLInputElement>('needs_recheck')
    return {
      ...base,
      status: (field<HTMLSelectElement>('status')?.value ?? base.status) as Status,
      note: field<HTMLTextAreaElement>('note')?.value ?? base.note,
      evidence: (field<HTMLTextAreaElement>('evidence')?.value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      rejected: [...form.querySelectorAll<HTMLInputElement>('input[name=rejected]:checked')].map((input) => input.value),
      added,
      needsRecheck: recheck ? recheck.checked : base.needsRecheck,
      previousText: recheck && !recheck.checked ? null : base.previousText
    }
  }

  const save = async (form: HTMLFormElement): Promise<void> => {
    const id = form.dataset['formFor']!
    const base = data.reviews[id]!
    const review = reviewIn(form, base)
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')
    if (button) button.disabled = true
    try {
      const response = await fetch('/api/review', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({path: data.path, sentence: id, base, review})
      })
      const answer = (await response.json()) as {
        saved?: Review
        path?: string
        conflicts?: Array<{field: string; yours: unknown; onDisk: unknown}>
        problem?: string
      }
      if (answer.saved) {
        data.reviews[id] = answer.saved
        const sentence = form.closest<HTMLElement>('[data-sentence]')
        if (sentence) {
          for (const status of statuses) sentence.classList.remove(`status-${status}`)
          sentence.classList.add(`status-${answer.saved.status}`)
        }
        const signed = form.querySelector('.signed')
        if (signed) signed.textContent = [answer.saved.reviewer, answer.saved.date].filter(Boolean).join(', ')
        say(`Saved ${escape(id)} (${escape(answer.saved.status)}) to ${escape(answer.path ?? data.path)}.`, 'ok')
      } else if (answer.conflicts) {
        const rows = answer.conflicts.map((conflict) => `<li><strong>${escape(conflict.field)}</strong>: yours ${show(conflict.yours)}; on disk ${show(conflict.onDisk)}</li>`)
        say(
          `Not saved: ${escape(id)} changed on disk since this page was loaded, in the same field${answer.conflicts.length === 1 ? '' : 's'} as yours. ` +
            `Both values are below; reload the page to see the file's, then apply yours again.<ul>${rows.join('')}</ul>`,
          'error'
        )
      } else say(`Not saved: ${escape(answer.problem ?? `the server answered ${response.status}`)}`, 'error')
    } catch (error) {
      say(`Not saved: ${escape(String(error))}`, 'error')
    } finally {
      if (button) button.disabled = false
    }
  }

  document.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement
    if (!form.matches('form.review')) return
    event.preventDefault()
    void save(form)
  })

  // "From selection": the text selected in the sentence fills a field of a missed attribution.
  document.addEventListener('mousedown', (event) => {
    // Keep the selection when the button takes focus.
    if ((event.target as HTMLElement).closest('button[data-take]')) event.preventDefault()
  })
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-take]')
    if (!button) return
    const selected = window.getSelection()?.toString().trim() ?? ''
    const input = button.previousElementSibling?.querySelector('input')
    if (input && selected) input.value = selected
  })

  // Keyboard: next and previous claim, a key per status, save.
  const claims = [...document.querySelectorAll<HTMLElement>('[data-sentence]')].filter((element) => Number(element.dataset['score']) >= 0.5)
  let current = -1
  const focus = (index: number): void => {
    if (claims.length === 0) return
    current = (index + claims.length) % claims.length
    for (const element of claims) element.classList.remove('current')
    const element = claims[current]!
    element.classList.add('current')
    element.focus({preventScroll: true})
    element.scrollIntoView({block: 'center'})
  }
  const currentForm = (): HTMLFormElement | null => {
    const active = document.activeElement?.closest<HTMLElement>('[data-sentence]')
    const sentence = active ?? (current >= 0 ? claims[current] : undefined)
    return sentence ? formOf(sentence.dataset['sentence']!) : null
  }
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement
    const typing = target.matches('input, textarea, select')
    if (typing) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        const form = target.closest<HTMLFormElement>('form.review')
        if (form) {
          event.preventDefault()
          void save(form)
        }
      }
      return
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key === 'j') focus(current + 1)
    else if (event.key === 'k') focus(current - 1)
    else if (event.key === 's') {
      const form = currentForm()
      if (form) {
        event.preventDefault()
        void save(form)
      }
    } else if (/^[0-6]$/u.test(event.key)) {
      const select = currentForm()?.querySelector<HTMLSelectElement>('select[name=status]')
      if (select) select.value = statuses[Number(event.key)]!
    } else return
    event.preventDefault()
  })
}

/** The script as served: the function's source, called. */
export function clientScript(): string {
  // A bundler may wrap named functions in a helper of its own (__name); give the page one that does nothing.
  return `'use strict';\nvar __name = function (f) { return f };\n(${reviewClient.toString()})();\n`
}
