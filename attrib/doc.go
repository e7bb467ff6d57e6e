package attrib

import (
	"strings"

	"storybot/article"
)

// doc is what an article has told us so far: its vocabulary, the names it
// has used and the speakers it has quoted.
type doc struct {
	lower    map[string]bool // words seen in lower case
	capsMid  map[string]bool // capitalised words seen inside a sentence
	mentions []phrase        // full names, latest last
	speakers []speaker       // named speakers, latest last
}

// speaker is a resolved speaker of the article.
type speaker struct {
	name, role string
	kind       kind
}

func newDoc(paras []*para) *doc {
	d := &doc{lower: map[string]bool{}, capsMid: map[string]bool{}}
	for _, p := range paras {
		for _, s := range p.sents {
			for i := s[0]; i < s[1]; i++ {
				t := p.toks[i]
				switch {
				case !t.word:
				case isLowerWord(t.text):
					d.lower[t.text] = true
				case i > s[0] && !isOpenMark(p.toks[i-1].text):
					d.capsMid[t.text] = true
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

// addMentions records the full names a paragraph uses, for resolving "Mr
// Blair" and "the Commission" later.
func (d *doc) addMentions(p *para) {
	for _, s := range p.sents {
		for i := s[0]; i < s[1]; {
			if !upper(p.toks[i]) {
				i++
				continue
			}
			e := capsFwd(p.toks, i, s[1])
			a := p.trimCommon(i, e, s[0])
			if e-a >= 2 {
				w := words(p.toks[a:e])
				w[len(w)-1], _ = possessive(w[len(w)-1])
				if ph := splitName(w); strings.Contains(ph.name, " ") {
					d.mentions = append(d.mentions, ph)
				}
			}
			i = e
		}
	}
}

// resolve turns a phrase into a speaker: full names for surnames and short
// organisation names, the last fitting speaker for back references.
func (d *doc) resolve(ph phrase, p *para, lo int) (speaker, bool) {
	if ph.ref != "" {
		return d.backRef(ph, p, lo)
	}
	sp := speaker{name: ph.name, role: ph.role, kind: ph.kind}
	if !strings.Contains(sp.name, " ") {
		if m, ok := d.fullName(sp.name, ph.kind); ok {
			sp.name, sp.kind = m.name, m.kind
			if sp.role == "" {
				sp.role = m.role
			}
		} else if ph.honorific {
			sp.name = "Mr " + sp.name
			sp.kind = kindPerson
		} else if sp.kind == kindUnknown {
			sp.kind = kindOrg
		}
	}
	if sp.kind == kindUnknown {
		sp.kind = kindPerson
	}
	if pronounLike(sp.name) {
		return speaker{}, false
	}
	return sp, true
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

// fullName finds the latest longer name ending in the word w: "Blair" →
// "Tony Blair", "Commission" → "European Commission".
func (d *doc) fullName(w string, k kind) (phrase, bool) {
	for _, list := range [][]phrase{speakerPhrases(d.speakers), d.mentions} {
		for i := len(list) - 1; i >= 0; i-- {
			m := list[i]
			if k == kindPerson && m.kind == kindOrg {
				continue
			}
			if strings.HasSuffix(m.name, " "+w) {
				return m, true
			}
		}
	}
	return phrase{}, false
}

func speakerPhrases(ss []speaker) []phrase {
	out := make([]phrase, len(ss))
	for i, s := range ss {
		out[i] = phrase{name: s.name, role: s.role, kind: s.kind}
	}
	return out
}

// backRef resolves "he", "it", "the minister", "the company" to the last
// named speaker of the right kind.
func (d *doc) backRef(ph phrase, p *para, lo int) (speaker, bool) {
	switch {
	case ph.ref == "he":
		if sp, ok := p.previousSubject(lo); ok {
			return sp, true
		}
		return d.last(kindPerson, "")
	case ph.ref == "it":
		if sp, ok := p.orgBefore(lo, ph.start); ok {
			return sp, true
		}
		return d.last(kindOrg, "")
	case ph.ref == "a spokesman":
		if sp, ok := p.orgBefore(0, ph.start); ok {
			return sp, true
		}
		return d.last(kindOrg, "")
	case orgNouns[ph.ref] || ph.ref == "spokesman":
		if genericOrgNouns[ph.ref] || ph.ref == "spokesman" {
			return d.last(kindOrg, "")
		}
		if sp, ok := d.last(kindOrg, ph.ref); ok {
			return sp, true
		}
		return d.mentioned(ph.ref)
	}
	if sp, ok := d.last(kindPerson, ph.ref); ok {
		return sp, true
	}
	// "the acting ambassador said" after a President was named is someone
	// else: fall back to the last person only when their role is unknown.
	if sp, ok := d.last(kindPerson, ""); ok && sp.role == "" {
		return sp, true
	}
	return speaker{}, false
}

// previousSubject finds the person a pronoun most likely means: the named
// subject of the sentence before, when that sentence quotes no one.
// `Kenteris's lawyer, Gregory Ioannidis, reacted angrily. "…," he told BBC
// Sport.` means Ioannidis, not the speaker quoted before him.
func (p *para) previousSubject(lo int) (speaker, bool) {
	for si, s := range p.sents {
		if s[0] != lo || si == 0 {
			continue
		}
		prev := p.sents[si-1]
		if prev[0] < 0 {
			return speaker{}, false
		}
		for i := prev[0]; i < prev[1]; i++ {
			if isQuoteMark(p.toks[i].text) {
				return speaker{}, false
			}
		}
		ph := p.subject(prev[0], prev[1])
		if ph.name == "" || ph.ref != "" {
			return speaker{}, false
		}
		sp, ok := p.doc.resolve(ph, p, prev[0])
		if !ok || sp.kind != kindPerson || !strings.Contains(sp.name, " ") {
			return speaker{}, false // a bare word may be a misread subject
		}
		return sp, true
	}
	return speaker{}, false
}

// last returns the latest speaker of kind k whose name or role contains
// noun, if given.
func (d *doc) last(k kind, noun string) (speaker, bool) {
	for i := len(d.speakers) - 1; i >= 0; i-- {
		s := d.speakers[i]
		if s.kind != k {
			continue
		}
		if noun == "" || strings.Contains(strings.ToLower(s.name+" "+s.role), noun) {
			return s, true
		}
	}
	return speaker{}, false
}

// mentioned returns the latest organisation named with noun: "the council".
func (d *doc) mentioned(noun string) (speaker, bool) {
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.kind == kindOrg && strings.Contains(strings.ToLower(m.name), noun) {
			return speaker{name: m.name, kind: kindOrg}, true
		}
	}
	return speaker{}, false
}

// orgBefore finds an organisation named earlier in the same sentence, which
// "it" most likely means: "The Manchester Police’s fury erupted when it announced".
func (p *para) orgBefore(lo, end int) (speaker, bool) {
	var found speaker
	for i := lo; i < len(p.toks) && p.toks[i].end <= end; {
		if !upper(p.toks[i]) {
			i++
			continue
		}
		e := capsFwd(p.toks, i, len(p.toks))
		w := words(p.toks[i:e])
		w[len(w)-1], _ = possessive(w[len(w)-1])
		if ph := splitName(w); ph.kind == kindOrg {
			found = speaker{name: ph.name, kind: kindOrg}
		}
		i = e
	}
	return found, found.name != ""
}

func (d *doc) remember(sp speaker) {
	d.speakers = append(d.speakers, sp)
}

func (s speaker) toArticle(quote string) article.Speaker {
	return article.Speaker{Name: s.name, Role: s.role, Quote: quote}
}
