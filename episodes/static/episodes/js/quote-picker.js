/* "Insert from the transcript" on the pull quote and supporting quote blocks: the editor picks
 * consecutive cues of the episode's transcript and gets the quote's words, speaker and
 * timestamp filled in. Endpoints: episodes/transcripts/picker.py. */
(() => {
  const { StructBlockDefinition } = window.wagtailStreamField.blocks;
  const SEARCH_DELAY_MS = 250;

  const editedPageId = () => {
    const match = window.location.pathname.match(/\/pages\/(\d+)\/edit\//);
    return match ? match[1] : null;
  };

  const getJSON = async (url, params) => {
    const response = await fetch(`${url}?${new URLSearchParams(params)}`, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin',
    });
    let data = {};
    try {
      data = await response.json();
    } catch {
      // Not JSON (a sign-in page, a proxy's error): say what the status was.
    }
    if (!response.ok) {
      throw new Error(data.message || `The server answered ${response.status}.`);
    }
    return data;
  };

  const element = (tag, attributes = {}, text = '') => {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    node.textContent = text;
    return node;
  };

  // Fields filled by code must tell the editor's change tracking and preview, as typing does.
  const announce = (field) => {
    const input = document.getElementById(field);
    if (input) {
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  };

  class QuotePicker {
    constructor(block, prefix, settings, anchor) {
      this.block = block;
      this.prefix = prefix;
      this.settings = settings;
      this.first = null;
      this.last = null;
      this.searchTimer = null;

      this.root = element('div', { class: 'quote-picker', 'data-quote-picker': '' });
      this.openButton = element(
        'button',
        { type: 'button', class: 'button button-small button-secondary', 'aria-expanded': 'false' },
        'Insert from the transcript',
      );
      this.panel = element('div', { class: 'quote-picker__panel', hidden: '' });
      this.search = element('input', {
        type: 'search',
        class: 'w-field__input',
        placeholder: 'Search words or speaker',
        'aria-label': 'Search the transcript',
      });
      this.status = element('p', { class: 'quote-picker__status', role: 'status' });
      this.list = element('ol', { class: 'quote-picker__cues', 'aria-label': 'Transcript cues' });
      this.insertButton = element(
        'button',
        { type: 'button', class: 'button button-small', disabled: '' },
        'Insert the selected cues',
      );
      const closeButton = element(
        'button',
        { type: 'button', class: 'button button-small button-secondary' },
        'Close',
      );
      const actions = element('div', { class: 'quote-picker__actions' });
      actions.append(this.insertButton, closeButton);
      this.panel.append(this.search, this.status, this.list, actions);
      this.root.append(this.openButton, this.panel);
      anchor.before(this.root);

      this.openButton.addEventListener('click', () => this.toggle());
      closeButton.addEventListener('click', () => this.toggle(false));
      this.insertButton.addEventListener('click', () => this.insert());
      this.search.addEventListener('input', () => {
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => this.load(), SEARCH_DELAY_MS);
      });
      this.panel.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          this.toggle(false);
          this.openButton.focus();
        }
      });
    }

    toggle(open = this.panel.hidden) {
      this.panel.hidden = !open;
      this.openButton.setAttribute('aria-expanded', String(open));
      if (open) {
        this.load();
        this.search.focus();
      }
    }

    say(message) {
      this.status.textContent = message;
    }

    async load() {
      const page = editedPageId();
      if (!page) {
        this.say('Save the episode and attach its transcript first.');
        return;
      }
      this.say('Loading the transcript…');
      try {
        const data = await getJSON(this.settings.cuesUrl, { page, q: this.search.value });
        this.show(data);
      } catch (error) {
        this.list.replaceChildren();
        this.say(error.message);
      }
    }

    show({ cues, truncated }) {
      this.list.replaceChildren(
        ...cues.map((cue) => {
          const button = element('button', {
            type: 'button',
            class: 'quote-picker__cue',
            'data-position': String(cue.position),
            'aria-pressed': 'false',
          });
          const speaker = cue.person ? cue.person.string : cue.speaker_label;
          button.append(
            element('span', { class: 'quote-picker__moment' }, cue.timestamp),
            element('span', { class: 'quote-picker__speaker' }, speaker),
            document.createTextNode(cue.text),
          );
          button.addEventListener('click', () => this.select(cue.position));
          const item = element('li');
          item.append(button);
          return item;
        }),
      );
      this.mark();
      if (!cues.length) {
        this.say('No cue matches.');
      } else if (truncated) {
        this.say(`The first ${cues.length} cues: search to find others.`);
      } else {
        this.say('Choose the first cue of the quote, then its last.');
      }
    }

    // A click after a single chosen cue extends the range to it; any other click starts anew.
    select(position) {
      if (this.first !== null && this.first === this.last && position !== this.first) {
        this.first = Math.min(this.first, position);
        this.last = Math.max(this.last, position);
      } else {
        this.first = position;
        this.last = position;
      }
      this.mark();
      const count = this.last - this.first + 1;
      this.say(
        count === 1
          ? 'One cue chosen: insert it, or choose the last cue of the quote.'
          : `${count} cues chosen.`,
      );
    }

    mark() {
      this.list.querySelectorAll('[data-position]').forEach((button) => {
        const position = Number(button.dataset.position);
        const chosen = this.first !== null && position >= this.first && position <= this.last;
        button.setAttribute('aria-pressed', String(chosen));
      });
      this.insertButton.disabled = this.first === null;
    }

    async insert() {
      try {
        const quote = await getJSON(this.settings.quoteUrl, {
          page: editedPageId(),
          first: this.first,
          last: this.last,
        });
        this.fill(quote);
      } catch (error) {
        this.say(error.message);
      }
    }

    fill(quote) {
      const children = this.block.childBlocks;
      children.text.setState(quote.text);
      announce(`${this.prefix}-text`);
      // A person or a typed name, never both; a label without a person is never published.
      children.speaker.setState(quote.person);
      children.speaker_name.setState('');
      announce(`${this.prefix}-speaker_name`);
      if (this.settings.hasTimestamp && children.timestamp) {
        children.timestamp.setState(quote.timestamp);
        announce(`${this.prefix}-timestamp`);
      }
      const moment = this.settings.hasTimestamp ? ` at ${quote.timestamp}` : '';
      const unmapped = quote.person
        ? ''
        : ` “${quote.speaker_label || 'The speaker'}” is not mapped to a person: map the label under Transcripts, or choose the speaker.`;
      this.say(`Inserted${moment} (${quote.duration_seconds} s of audio).${unmapped}`);
    }
  }

  class QuoteFromTranscriptDefinition extends StructBlockDefinition {
    render(placeholder, prefix, initialState, initialError, parentCapabilities) {
      const block = super.render(
        placeholder,
        prefix,
        initialState,
        initialError,
        parentCapabilities,
      );
      const settings = this.meta.transcriptPicker;
      const textField = document.getElementById(`${prefix}-text`);
      const anchor = textField && textField.closest('[data-contentpath="text"]');
      if (settings && anchor) {
        // eslint-disable-next-line no-new
        new QuotePicker(block, prefix, settings, anchor);
      }
      return block;
    }
  }

  window.telepath.register('episodes.blocks.QuoteFromTranscript', QuoteFromTranscriptDefinition);
})();
