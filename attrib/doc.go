package attrib

import (
	"strings"
)

// doc is what an article has told us so far: its vocabulary, and the
// people and organisations it has named, where.
type doc struct {
	lower    map[string]bool // words seen in lower case
	capsMid  map[string]bool // capitalised words seen inside a sentence
	alone    map[string]bool // capitalised words standing alone, as surnames do
	entities []entity
	mentions [][]mention // per paragraph, in reading order
	// listeners are the names, in lower case, of those the article has
	// someone speak to ("told CNN"); initials among them are outlets'
	listeners map[string]bool
	outlet    string // the article's publisher, without "The"; empty if unknown
	paras     []*para
}

// speaker is a resolved speaker of the article.
type speaker struct {
	name, role string
	kind       kind
	ent        int // index in doc.entities
}

// uncertain stands for a speaker the text does not settle: a quotation
// it marks is a statement of no one.
var uncertain = &speaker{ent: -1}

func newDoc(paras []*para) *doc {
	d := &doc{lower: map[string]bool{}, capsMid: map[string]bool{}, alone: map[string]bool{},
		listeners: map[string]bool{}, mentions: make([][]mention, len(paras)), paras: paras}
	for _, p := range paras {
		for _, s := range p.sents {
			for i := s[0]; i >= 0 && i < s[1]; i++ {
				t := p.toks[i]
				switch {
				case !t.word:
				case isLowerWord(t.text):
					d.lower[t.text] = true
				case i > s[0] && !isOpenMark(p.toks[i-1].text):
					d.capsMid[t.text] = true
				}
				if upper(t) && (i == s[0] || !upper(p.toks[i-1])) && (i+1 == s[1] || !upper(p.toks[i+1])) {
					w, _ := possessive(t.text)
					d.alone[w] = true
				}
			}
		}
	}
	return d
}

// common reports whether a capitalised word opening a sentence is an
// ordinary word rather than a name: the article uses it in lower case and
// never capitalises it mid-sentence ("Analysts said", but "Five said").
func (d *doc) common(w string) bool {
	if starters[w] || relative[strings.ToLower(w)] {
		return true
	}
	l := strings.ToLower(w[:1]) + w[1:]
	return d.lower[l] && !d.capsMid[w]
}

// resolve turns a phrase into a speaker: a full name for a surname, the
// one person or organisation a pronoun or "the minister" can mean. It
// reports false when the text leaves the speaker uncertain: two people a
// pronoun could mean, a pair of names ("Iran and Israel").
func (d *doc) resolve(ph phrase, p *para) (speaker, bool) {
	if ph.ref != "" {
		id := d.backRef(ph, p)
		if id < 0 {
			return speaker{}, false
		}
		return d.speaker(id, ""), true
	}
	if isPair(ph.name) || pronounLike(ph.name) {
		return speaker{}, false
	}
	id := d.entityFor(ph)
	if id < 0 { // a lone word not introduced before: a surname or a short organisation name
		id = d.addEntity(ph.name, ph.kind)
	}
	if e := &d.entities[id]; e.kind == kindUnknown && strings.Contains(e.name, " ") {
		e.kind = kindPerson
	}
	d.entities[id].spokes = d.entities[id].spokes || ph.spokes
	d.mentionAt(p, p.tokenAt(ph.start), p.tokenAt(ph.end), id)
	return d.speaker(id, ph.role), true
}

// mentionAt records that the speaker phrase of toks[tok:end] names entity
// id, in place of what reading its capitals alone made of it ("Police
// Federation" of "The Police Federation chairman, Dan Reed,").
func (d *doc) mentionAt(p *para, tok, end, id int) {
	ms := d.mentions[p.idx]
	si := p.sentOf(tok)
	for i := range ms {
		if ms[i].tok >= tok && ms[i].tok < end {
			ms[i].ent, ms[i].spoke = id, true
			return
		}
	}
	m := mention{ent: id, sent: si, tok: tok, spoke: true}
	i := len(ms)
	for i > 0 && (ms[i-1].sent > si || ms[i-1].sent == si && ms[i-1].tok > tok) {
		i--
	}
	d.mentions[p.idx] = append(ms[:i], append([]mention{m}, ms[i:]...)...)
	d.entities[id].mentions++
}

func (d *doc) speaker(id int, role string) speaker {
	e := d.entities[id]
	if role == "" {
		role = e.role
	}
	return speaker{name: e.name, role: role, kind: e.kind, ent: id}
}

func pronounLike(name string) bool {
	switch strings.ToLower(strings.ReplaceAll(name, "’", "'")) {
	case "he", "she", "it", "they", "we", "i", "you", "",
		"its", "his", "her", "their", "our", "my", "your", "they've", "we've", "i've", "you've",
		"they're", "we're", "i'm", "you're", "this", "that", "these", "those", "there":
		return true
	}
	return false
}

// backRef resolves "he", "it", "the minister", "the company": the entity
// it means, or -1.
func (d *doc) backRef(ph phrase, p *para) int {
	tok := p.tokenAt(ph.start)
	switch {
	case ph.ref == "they":
		return -1 // a group or an organisation, never sure which
	case ph.ref == "he":
		var g byte = 'm'
		if strings.EqualFold(p.text[ph.start:ph.end], "she") {
			g = 'f'
		}
		return d.antecedent(p, tok, g)
	case ph.ref == "spokesman":
		if id := d.lastMentioned(func(id int) bool { return d.entities[id].spokes }); id >= 0 {
			return id // "the spokesperson" spoke before: for whom they spoke then
		}
		return d.nearest(p, tok, d.isOrg)
	case ph.ref == "it" || ph.ref == "a spokesman" || genericOrgNouns[ph.ref]:
		return d.nearest(p, tok, d.isOrg)
	case orgNouns[ph.ref] && !hasPersonNoun(ph.quals):
		if id := d.orgNamed(ph.ref); id >= 0 {
			return id
		}
		return d.nearest(p, tok, d.isOrg)
	}
	return d.withRole(ph.ref, ph.quals)
}

// hasPersonNoun reports whether qualifying words name a person: "the
// feminist writer and broadcaster" is one, not a broadcasting company.
func hasPersonNoun(quals string) bool {
	for _, w := range strings.Fields(quals) {
		if personNouns[w] {
			return true
		}
	}
	return false
}

// antecedent finds the person a "he" or "she" at toks[tok] of p means: the
// one person of that gender, or of none known, named in the nearest
// sentence before it that names anyone. When that sentence names two such
// people the pronoun is uncertain and antecedent returns -1.
func (d *doc) antecedent(p *para, tok int, g byte) int {
	id := d.nearest(p, tok, func(id int) bool {
		return d.isPerson(id) && (d.entities[id].gender == 0 || d.entities[id].gender == g)
	})
	if id >= 0 {
		d.entities[id].gender = g
		d.mentionAt(p, tok, tok+1, id)
	}
	return id
}

// maxBack is how many paragraphs back a pronoun may look for its person.
const maxBack = 3

// nearest finds the one entity that fits in the nearest sentence before
// toks[tok] that names any that fits; -1 when that sentence names two.
// Of two, the one that speaks in the sentence is meant. Someone meant but
// not named ("Smith's lawyer") leaves it uncertain; when named after
// ("Smith's lawyer, Ann Lee,") the name is meant. Of the pronoun's own
// sentence only what stands before the words it reports counts: in "Smith
// was right, she said" Smith is what she said, not who.
func (d *doc) nearest(p *para, tok int, fits func(int) bool) int {
	si := p.sentOf(tok)
	limit := p.reportedFrom(si, tok)
	for pi := p.idx; pi >= 0 && pi >= p.idx-maxBack; pi-- {
		last := len(d.paras[pi].sents) - 1
		if pi == p.idx {
			last = si
		}
		for s := last; s >= 0; s-- {
			var in []mention
			for _, m := range d.mentions[pi] {
				if m = d.known(m); m.ent >= 0 && m.sent == s && !(pi == p.idx && m.tok >= limit) && fits(m.ent) && m.owner != named {
					in = append(in, m)
				}
			}
			if len(in) > 0 {
				return choose(in)
			}
		}
	}
	return -1
}

// known links a mention of a lone word to the entity it turned out to
// name: "Acme’s founders" once Acme has spoken.
func (d *doc) known(m mention) mention {
	if m.ent < 0 && m.word != "" {
		if m.ent = d.bySurname(m.word); m.ent < 0 {
			m.ent = d.byName(m.word)
		}
	}
	return m
}

// choose picks the one entity a sentence's fitting mentions mean, or -1.
func choose(in []mention) int {
	for _, keep := range []func(mention) bool{
		func(mention) bool { return true },
		func(m mention) bool { return m.spoke },
	} {
		found, n := -1, 0
		for _, m := range in {
			if keep(m) && m.ent != found {
				found, n = m.ent, n+1
			}
		}
		if n == 1 {
			for _, m := range in {
				if m.owner == patron {
					return -1
				}
			}
			return found
		}
	}
	return -1
}

// reportedFrom returns where the words a cue at toks[tok] reports begin in
// its sentence si: at the first quotation before it, at the sentence's
// start when a clause and a comma lead up to it ("…, she said") unless
// that is an opening phrase ("In a UEFA statement on Friday, the
// governing body said"), else at the cue.
func (p *para) reportedFrom(si, tok int) int {
	lo := p.sents[si][0]
	for _, q := range p.quotes {
		if i := p.tokenAt(q.open); i >= lo && i < tok {
			return i
		}
	}
	if tok > lo && p.toks[tok-1].text == "," && !openers[strings.ToLower(p.toks[lo].text)] {
		return lo
	}
	return tok
}

// openers begin a phrase that sets the scene before a sentence's subject.
var openers = setOf("in", "on", "at", "after", "before", "during", "speaking", "asked", "when",
	"while", "later", "earlier", "since", "following", "under", "with", "without", "despite")

func (d *doc) isOrg(id int) bool { return d.entities[id].kind == kindOrg }

// orgNamed finds the organisation "the council" means: the one the article
// mentioned last whose name holds the noun.
func (d *doc) orgNamed(noun string) int {
	return d.lastMentioned(func(id int) bool {
		return d.entities[id].kind == kindOrg && containsWord(d.entities[id].name, noun)
	})
}

// lastMentioned finds the entity that fits mentioned last, or -1.
func (d *doc) lastMentioned(fits func(int) bool) int {
	for pi := len(d.mentions) - 1; pi >= 0; pi-- {
		ms := d.mentions[pi]
		for i := len(ms) - 1; i >= 0; i-- {
			if m := d.known(ms[i]); m.ent >= 0 && fits(m.ent) {
				return m.ent
			}
		}
	}
	return -1
}

// withRole finds the one person whose role the noun names: "the sheriff"
// after "Essex County Sheriff Dan Reed"; -1 when none or two. Qualifying
// words must fit too ("the prime minister" is not a Cabinet Office
// minister), except those that only place the role in time.
func (d *doc) withRole(noun, quals string) int {
	found := -1
	for i, e := range d.entities {
		if e.kind != kindPerson || !roleHas(e.role, noun) || !roleHasAll(e.role, quals) {
			continue
		}
		if found >= 0 && found != i {
			return -1
		}
		found = i
	}
	return found
}

// roleHas reports whether a role holds the noun, spelt out or abbreviated:
// "Ohio Gov." is a governor.
func roleHas(role, noun string) bool {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		w, _ = possessive(w)
		if w == noun || abbreviations[w] == noun {
			return true
		}
	}
	return false
}

func roleHasAll(role, quals string) bool {
	for _, q := range strings.Fields(strings.ToLower(quals)) {
		if !timeQualifiers[q] && !roleHas(role, q) {
			return false
		}
	}
	return true
}

// timeQualifiers place a role in time without naming another one.
var timeQualifiers = setOf("former", "then", "current", "new", "outgoing", "incoming", "late", "veteran")

func containsWord(s, w string) bool {
	for _, x := range strings.Fields(strings.ToLower(s)) {
		if x == w {
			return true
		}
	}
	return false
}

// remember notes that an entity spoke: it is a person or organisation
// that speaks, not a place.
func (d *doc) remember(sp speaker) {
	if sp.ent >= 0 {
		d.entities[sp.ent].spoke = true
	}
}

func (p *para) tokenAt(off int) int {
	for i, t := range p.toks {
		if t.start >= off {
			return i
		}
	}
	return len(p.toks)
}

func (p *para) sentOf(tok int) int {
	for si, s := range p.sents {
		if tok < s[1] {
			return si
		}
	}
	return len(p.sents) - 1
}
