package attrib

import "strings"

// cueKind is how a cue introduces speech.
type cueKind int

const (
	cueVerb      cueKind = iota // "X said", "said X"
	cueStatement                // "X issued a statement"
	cueAccording                // "according to X"
	cueWeak                     // "..., saying"
	cueCharacter                // "X called the plan “a disgrace”"
)

// cue is a word or words introducing speech, outside any quotation.
type cue struct {
	kind       cueKind
	first, end int // token range [first, end)
	lo, hi     int // its sentence's token range
}

// noAfter verbs take their listener, not their speaker, after them: "told Mr Blair".
var forOn = setOf("for", "on")

var noAfter = setOf("called", "calls", "told", "tells", "urged", "urges", "asked", "warned", "warns", "promised",
	"assured", "reported", "accepted", "agreed", "agrees", "believes", "thinks", "feels")

func (p *para) cues() []cue {
	var out []cue
	for _, s := range p.sents {
		for i := s[0]; i < s[1]; i++ {
			t := p.toks[i].text
			if !p.toks[i].word || p.inQuote(p.toks[i].start) {
				continue
			}
			c := cue{first: i, end: i + 1, lo: s[0], hi: s[1]}
			switch {
			case speechVerbs[t]:
				c.kind = cueVerb
			case (t == "called" || t == "calls") && p.is(i+1, forOn):
				c.kind, c.end = cueVerb, i+2
			case weakVerbs[t]:
				c.kind = cueWeak
			case characterVerbs[t] && p.quoteInClause(i, s[1]) >= 0:
				c.kind = cueCharacter
			case (t == "according" || t == "According") && p.is(i+1, toSet):
				c.kind, c.end = cueAccording, i+2
			case statementVerbs[t]:
				n := p.statementNoun(i+1, s[1])
				if n < 0 {
					continue
				}
				c.kind, c.end = cueStatement, n+1
			default:
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// characterVerbs give the speaker's words for what they describe: "X
// called the plan “a disgrace”", "accused the minister of “playing
// politics”".
var characterVerbs = setOf("called", "calls", "described", "describes", "labelled", "labeled",
	"branded", "brands", "dubbed", "accused", "accuses", "hailed", "hails", "condemned",
	"condemns", "slammed", "slams", "praised", "praises", "criticised", "criticized")

// quoteInClause finds the quotation opening soon after the verb at
// toks[i], in its clause: no other speech verb, no full stop between.
func (p *para) quoteInClause(i, hi int) int {
	for k := i + 1; k < hi && k <= i+12; k++ {
		t := p.toks[k].text
		if speechVerbs[t] || weakVerbs[t] {
			return -1
		}
		if t != "\"" && t != "“" && t != "‘" {
			continue
		}
		for qi, q := range p.quotes {
			if q.open == p.toks[k].start {
				return qi
			}
		}
	}
	return -1
}

// statementNoun finds "a (damning) statement" after "issued"; -1 if absent.
func (p *para) statementNoun(i, hi int) int {
	if !p.is(i, statementDet) {
		return -1
	}
	for k := i + 1; k < hi && k <= i+3; k++ {
		if statementNouns[p.toks[k].text] {
			return k
		}
	}
	return -1
}

func (p *para) inQuote(off int) bool {
	for _, q := range p.quotes {
		if off >= q.inner && off < q.close {
			return true
		}
	}
	return false
}

// skipBack steps back over words that may part a subject from its verb.
func (p *para) skipBack(i, lo int) int {
	for i >= lo {
		t := p.toks[i].text
		if !skippable[t] && !(len(t) > 4 && strings.HasSuffix(t, "ly") && isLowerWord(t)) {
			break
		}
		i--
	}
	return i
}

// speakerOf reads the cue's speaker phrase and whether it came after the cue.
func (p *para) speakerOf(c cue) (phrase, bool) {
	switch c.kind {
	case cueAccording:
		return p.after(c.end, c.hi), true
	case cueWeak:
		if ph, ok := p.quotedSaying(c); ok {
			return ph, true
		}
		return p.subject(c.lo, c.first), false
	}
	if ph := p.before(p.skipBack(c.first-1, c.lo), c.lo, true); ph.ok() {
		if ph.name != "" && ph.start > p.toks[p.trimCommon(c.lo, c.first, c.lo)].start && c.kind == cueVerb && !noAfter[p.toks[c.first].text] {
			// "... switch to electric said Dan Reed, managing director"
			if alt := p.after(c.end, c.hi); alt.name != "" && alt.kind == kindPerson && strings.Contains(alt.name, " ") {
				return alt, true
			}
		}
		return ph, false
	}
	if c.kind == cueCharacter {
		ph := p.before(p.skipBack(c.first-1, c.lo), c.lo, true)
		return ph, false
	}
	if c.kind == cueVerb && p.is(c.first-1, andSet) {
		if ph, ok := p.coordinated(c); ok {
			return ph, false
		}
	}
	if c.kind == cueVerb && !noAfter[p.toks[c.first].text] && p.inverts(c) {
		return p.after(c.end, c.hi), true
	}
	return phrase{}, false
}

// inverts reports whether a cue may stand before its speaker: after the
// words it reports, a quotation or a comma ("…,” said Ann Lee"), at the
// start of a sentence, or "said" and "says", which may follow a clause
// directly ("… to cloud systems said Dan Reed"). Elsewhere a name after
// the verb is what it speaks of: "Lee also admits Smith will decide".
func (p *para) inverts(c cue) bool {
	if c.first == c.lo || sayVerbs[p.toks[c.first].text] {
		return true
	}
	t := p.toks[c.first-1].text
	return t == "," || t == ":" || isQuoteMark(t)
}

var sayVerbs = setOf("said", "says")

// quotedSaying reads "the paper quoted chief executive Ann Lee (as)
// saying": the one quoted speaks, not the one quoting.
func (p *para) quotedSaying(c cue) (phrase, bool) {
	for i := c.first - 1; i >= c.lo && c.first-i <= 10; i-- {
		if t := p.toks[i].text; t == "quoted" || t == "quotes" || t == "quoting" {
			end := c.first
			if p.is(end-1, asSet) {
				end--
			}
			ph := p.after(i+1, end)
			return ph, ph.ok()
		}
	}
	return phrase{}, false
}

// coordinated reads the speaker of a verb joined to an earlier one by
// "and": the earlier speech verb's speaker ("Ann Lee said she agreed, and
// said …"), else the sentence's subject when it is a full name or carries
// a role ("club spokesman Dan Reed welcomed the apology and said"). A lone
// capitalised word opening the sentence ("Business groups welcomed …",
// "Even so …") is too likely an ordinary word.
func (p *para) coordinated(c cue) (phrase, bool) {
	for i := c.first - 2; i >= c.lo; i-- {
		if speechVerbs[p.toks[i].text] && !p.inQuote(p.toks[i].start) {
			ph, _ := p.speakerOf(cue{kind: cueVerb, first: i, end: i + 1, lo: c.lo, hi: c.hi})
			return ph, ph.ok()
		}
	}
	ph := p.subject(c.lo, c.first-1)
	return ph, ph.name != "" && (strings.Contains(ph.name, " ") || ph.role != "")
}

// subject reads the subject opening a sentence, for "saying"/"adding":
// "Retail analyst Jane Smith", "party leader Dan Reed", "He".
func (p *para) subject(lo, hi int) phrase {
	a := p.trimCommon(lo, hi, lo)
	for a < hi && p.toks[a].text == "," {
		a++
	}
	if a >= hi {
		return phrase{}
	}
	if personPronouns[p.toks[a].text] || orgPronouns[p.toks[a].text] {
		return p.before(a, a, false)
	}
	if ph := p.roleSubject(a, hi); ph.ok() {
		return ph
	}
	last := -1
	for k := a; k < hi; {
		if e := capsFwd(p.toks, k, hi); e > k {
			last, k = e-1, e
		}
		r := k
		for r < hi && r-k < 4 && p.toks[r].word && isLowerWord(p.toks[r].text) && !determiners[p.toks[r].text] && !connectors[p.toks[r].text] && !speechVerbs[p.toks[r].text] {
			r++
		}
		if r == k || r >= hi || !upper(p.toks[r]) || !(personNouns[p.toks[r-1].text] || spokesNouns[p.toks[r-1].text]) {
			break
		}
		k = r
	}
	if last < 0 {
		return phrase{}
	}
	return p.before(last, a, false)
}

// roleSubject reads a sentence opening with a role referred back to: "The
// judge explained it to the jury, saying …".
func (p *para) roleSubject(a, hi int) phrase {
	if !p.is(a-1, theBoth) {
		return phrase{}
	}
	for k := a; k < hi && k-a < 3 && p.toks[k].word && isLowerWord(p.toks[k].text); k++ {
		if (personNouns[p.toks[k].text] || orgNouns[p.toks[k].text]) && !(k+1 < hi && isLowerWord(p.toks[k+1].text) && personNouns[p.toks[k+1].text]) {
			return p.before(k, a-1, false)
		}
	}
	return phrase{}
}

// attributeCue resolves a cue's speaker and picks what they said, marking
// the quotations it uses in said: each quotation it introduces, or the
// reported clause. The speaker is nil when the cue names none it can read.
func (p *para) attributeCue(c cue, said []*speaker) (*speaker, []string, bool) {
	if c.kind == cueWeak && p.coveredWeak(c) {
		return nil, nil, false
	}
	ph, isAfter := p.speakerOf(c)
	if !ph.ok() {
		return nil, nil, false
	}
	sp, ok := p.doc.resolve(ph, p)
	if !ok || p.citesOutlet(c.kind, c.first, ph, sp) {
		sp = *uncertain
	}
	a, b := p.toks[c.first].start, p.toks[c.end-1].end
	if ph.start < a {
		a = ph.start
	}
	if ph.end > b {
		b = ph.end
	}
	if c.kind == cueAccording && isAfter {
		a = p.toks[c.first].start
	}
	quotes, direct := p.quoteFor(c, a, b, isAfter, said, &sp)
	return &sp, quotes, direct
}

// namesSpeaker reports whether a cue, unlike "…, saying" or "called it
// “…”", stands where its speaker is named: one whose speaker cannot be
// read leaves its sentence's quotations to no one.
func (c cue) namesSpeaker() bool {
	return c.kind == cueVerb || c.kind == cueAccording || c.kind == cueStatement
}

// coveredWeak reports whether a "saying" continues an earlier cue of its sentence.
func (p *para) coveredWeak(c cue) bool {
	for i := c.lo; i < c.first; i++ {
		if speechVerbs[p.toks[i].text] || statementVerbs[p.toks[i].text] && p.statementNoun(i+1, c.hi) > 0 {
			return true
		}
	}
	return false
}

// quoteFor picks the words a cue attributes: an adjacent direct quotation
// (both halves of a split one are marked), else the reported clause, or a
// substantial quotation inside it.
func (p *para) quoteFor(c cue, a, b int, isAfter bool, said []*speaker, sp *speaker) ([]string, bool) {
	if c.kind == cueCharacter {
		qi := p.quoteInClause(c.first, c.hi)
		if qi < 0 || said[qi] != nil {
			return nil, false
		}
		said[qi] = sp
		return []string{p.trim(p.quotes[qi].inner, p.quotes[qi].close)}, true
	}
	qb, qa := p.quoteBefore(a, said), p.quoteAfter(b, said)
	if qb >= 0 || qa >= 0 {
		var out []string
		for _, qi := range []int{qb, qa} {
			if qi >= 0 {
				said[qi] = sp
				q := p.quotes[qi]
				out = append(out, p.trim(q.inner, q.close))
			}
		}
		return out, true
	}
	sS, sE := p.toks[c.lo].start, p.toks[c.hi-1].end
	ca, cb, marked := p.clauseAfter(b, sE, p.toks[c.first].text)
	ba, bb := sS, a
	if isAfter && (c.kind != cueAccording || p.toks[c.lo].start < a) {
		ca, cb, ba, bb = ba, bb, ca, cb
		marked = false
	}
	if n := len(strings.Fields(p.text[ca:cb])); !marked && (n < 3 || n < 5 && len(strings.Fields(p.text[ba:bb])) >= 5) {
		ca, cb = ba, bb // "..., Ann Lee noted on Twitter Wednesday."
	}
	for qi, q := range p.quotes {
		if said[qi] == nil && q.inner >= ca && q.close <= cb {
			said[qi] = sp
			if len(strings.Fields(q.words(p.text))) >= 4 {
				return []string{p.trim(q.inner, q.close)}, true
			}
		}
	}
	if len(strings.Fields(p.text[ca:cb])) < 2 {
		return nil, false
	}
	return []string{p.trim(ca, cb)}, false
}

// clauseAfter returns the reported clause after the cue ending at b, and
// whether a word marks where it starts: "that", ":" or "saying" when one
// comes soon ("told state radio that ..."), or "to" after a verb that takes
// one ("pledged in a statement to get to the bottom of the leaks"). The
// clause ends where "and" joins another speech verb ("… and suggested
// that …"), whose clause is its own.
func (p *para) clauseAfter(b, sE int, verb string) (int, int, bool) {
	if b >= sE {
		return sE, sE, false
	}
	start, marked := b, false
	for i, n := p.tokenAt(b), 0; i < len(p.toks) && n < 10; i, n = i+1, n+1 {
		t := p.toks[i]
		if t.start >= sE || isQuoteMark(t.text) {
			break
		}
		if t.text == "that" || t.text == ":" || weakVerbs[t.text] {
			start, marked = t.end, true // "issued a statement saying …"
			break
		}
		if t.text == "to" && infinitiveVerbs[verb] && i+1 < len(p.toks) && isLowerWord(p.toks[i+1].text) && !determiners[p.toks[i+1].text] {
			start, marked = t.start, true
			break
		}
	}
	return start, p.clauseEnd(start, sE), marked
}

// clauseEnd is where a reported clause from start ends: at "and" before
// another speech verb, else at the sentence's end sE.
func (p *para) clauseEnd(start, sE int) int {
	for i := p.tokenAt(start); i+1 < len(p.toks) && p.toks[i].end <= sE; i++ {
		if p.toks[i].text == "and" && speechVerbs[p.toks[i+1].text] && !p.inQuote(p.toks[i].start) {
			return p.toks[i].start
		}
	}
	return sE
}

// infinitiveVerbs report what someone will do with "to": "vowed to".
var infinitiveVerbs = setOf("pledged", "pledges", "vowed", "vows", "promised", "promises",
	"threatened", "threatens", "agreed", "agrees", "urged", "urges", "refused", "declined")

// quoteBefore finds an unattributed quotation ending just before offset a,
// with only a comma or space between: `"...," said X`.
func (p *para) quoteBefore(a int, said []*speaker) int {
	for qi := len(p.quotes) - 1; qi >= 0; qi-- {
		q := p.quotes[qi]
		e := q.end(p.text)
		if e > a || !q.closed {
			continue
		}
		if said[qi] == nil && strings.Trim(p.text[e:a], " ,\n—–-") == "" {
			return qi
		}
		return -1
	}
	return -1
}

// quoteAfter finds an unattributed quotation opening soon after offset b:
// `X said: "..."`, `declared, “...”`, `he said, "second half"`.
func (p *para) quoteAfter(b int, said []*speaker) int {
	for qi, q := range p.quotes {
		if q.open < b {
			continue
		}
		gap := p.text[b:q.open]
		if said[qi] != nil || len(gap) > 80 || strings.ContainsAny(gap, ".!?\"“”") {
			return -1
		}
		g := strings.TrimSpace(gap)
		if g == "" || strings.HasSuffix(g, ":") || strings.HasSuffix(g, ",") || strings.HasSuffix(g, " that") || g == "that" {
			return qi
		}
		return -1
	}
	return -1
}
