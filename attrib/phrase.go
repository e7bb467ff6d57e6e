package attrib

import (
	"strings"
	"unicode"
)

// para is one paragraph being attributed.
type para struct {
	text   string
	toks   []token
	sents  [][2]int // token index ranges [lo, hi)
	quotes []quoteSpan
	doc    *doc
	idx    int // the paragraph's index in the article
}

func (p *para) span(a, b int) (int, int) { return p.toks[a].start, p.toks[b].end }

func (p *para) is(i int, set map[string]bool) bool {
	return i >= 0 && i < len(p.toks) && set[p.toks[i].text]
}

// trimCommon drops capitalised ordinary words that open a sentence ("But Mr
// Blair", "Analysts") from the name running from a to b, but not a title
// or a word that qualifies one ("Judge Ann Lee", "Health Secretary").
func (p *para) trimCommon(a, b, lo int) int {
	for a < b && (a == lo || isOpenMark(p.toks[a-1].text)) && upper(p.toks[a]) && !honorifics[p.toks[a].text] && p.doc.common(p.toks[a].text) && !p.is(a+1, titles) && !(titles[p.toks[a].text] && a+1 < b) {
		a++
		lo = a
	}
	return a
}

func isOpenMark(t string) bool { return t == "\"" || t == "“" || t == "‘" || t == "(" || t == ":" }

func definite(t string) bool {
	switch t {
	case "the", "The", "its", "Its", "his", "her", "their":
		return true
	}
	return false
}

// before reads the speaker phrase ending at toks[i]: "X said", "X, the chief
// executive of Y, said", "the minister added", "an Acme spokesman said".
func (p *para) before(i, lo int, apposOK bool) phrase {
	if i < lo {
		return phrase{}
	}
	t := p.toks[i]
	switch {
	case personPronouns[t.text]:
		return phrase{ref: "he", start: t.start, end: t.end}
	case orgPronouns[t.text]:
		return phrase{ref: strings.ToLower(t.text), start: t.start, end: t.end}
	case t.text == "," && apposOK:
		return p.appositiveBefore(i, lo)
	case upper(t):
		return p.capsBefore(i, lo)
	case t.word && isLowerWord(t.text):
		return p.nounBefore(i, lo)
	}
	return phrase{}
}

func (p *para) appositiveBefore(i, lo int) phrase {
	ph := p.appositiveName(i, lo)
	if first, ok := p.namedFirst(lo, i); ok && (!ph.ok() || first.name != ph.name && first.end <= ph.start) {
		return first // "Ann Lee, director of Acme, a … charity, said"
	}
	return ph
}

// namedFirst reads a sentence that opens with a name and a comma, "Dan
// Reed, 43, from Austin, Texas, said", "Acme, which sells …, confirmed":
// that name is the subject the appositives after it describe. The role is
// the first appositive. A lone word must be followed by "who" or "which"
// to be taken for a name.
func (p *para) namedFirst(lo, i int) (phrase, bool) {
	a := p.trimCommon(lo, i, lo)
	e := capsFwd(p.toks, a, i)
	if e == a || e >= i || p.toks[e].text != "," {
		return phrase{}, false
	}
	ph := splitName(words(p.toks[a:e]))
	switch {
	case ph.name == "" || calendar[ph.name]:
		return phrase{}, false
	case !strings.Contains(ph.name, " ") && !p.is(e+1, whoWhich):
		return phrase{}, false
	case strings.Contains(ph.name, " ") && ph.kind != kindPerson:
		return phrase{}, false
	}
	ph.start, ph.end = p.toks[a].start, p.toks[e-1].end
	if ph.kind == kindUnknown && p.is(e+1, whichSet) {
		ph.kind = kindOrg // "Acme, which …": a thing, not a person
	}
	return p.appositiveAfter(ph, e, i+1), true
}

func (p *para) appositiveName(i, lo int) phrase {
	end := i // the comma before the verb
	for k := i - 1; k >= lo && i-k <= 30; k-- {
		if isQuoteMark(p.toks[k].text) {
			return p.nameBefore(end, lo)
		}
		if p.toks[k].text != "," || k+1 >= end {
			continue
		}
		if relative[p.toks[k+1].text] && k+1 < i {
			end = k // "X, founder of Y, which supports Z, said": skip the relative clause
			continue
		}
		if ph, ok := p.nameAppositive(k, end, lo); ok {
			return ph
		}
		ph := p.before(k-1, lo, false)
		if ph.name == "" {
			return phrase{}
		}
		if ph.role == "" && ph.kind != kindOrg && !hasSpeechVerb(p.toks[k+1:end]) {
			ph.role = roleText(p.text, p.toks[k+1:end])
			ph.kind = kindPerson
		}
		return ph
	}
	return phrase{}
}

// nameBefore reads the person named just before the comma at end when a
// quotation comes before the name and nothing but a relative clause or a
// stray comma parts it from its verb: `"…," Ann Lee, who has worked there
// for years, told reporters`, `"…," chairman Dan Reed, told the paper`.
func (p *para) nameBefore(end, lo int) phrase {
	if end-1 < lo || !upper(p.toks[end-1]) {
		return phrase{}
	}
	ph := p.before(end-1, lo, false)
	if ph.kind != kindPerson || !strings.Contains(ph.name, " ") {
		return phrase{} // a lone capitalised word may be anything
	}
	return ph
}

// nameAppositive reads "Acme Foods chairwoman, Ann Lee, said":
// the appositive between the commas k and end is the name.
func (p *para) nameAppositive(k, end, lo int) (phrase, bool) {
	if end-k-1 < 2 || end-k-1 > 4 {
		return phrase{}, false
	}
	for _, t := range p.toks[k+1 : end] {
		if !upper(t) {
			return phrase{}, false
		}
	}
	ph := splitName(words(p.toks[k+1 : end]))
	if ph.kind != kindPerson || k-1 < lo {
		return phrase{}, false
	}
	if !isLowerWord(p.toks[k-1].text) {
		// "A spokesman for Acme Foods, Ann Lee, said"
		org := p.before(k-1, lo, false)
		if org.kind != kindOrg || !org.spokes {
			return phrase{}, false
		}
		ph.role = p.text[org.start:org.end]
		ph.start, ph.end = org.start, p.toks[end-1].end
		return ph, true
	}
	r := k - 1
	for r > lo && k-r < 6 && p.toks[r-1].word {
		r--
	}
	ph.role = p.text[p.toks[r].start:p.toks[k-1].end]
	ph.start, ph.end = p.toks[r].start, p.toks[end-1].end
	return ph, true
}

var relative = setOf("who", "which", "where", "when", "whose", "speaking", "however", "though", "meanwhile", "too")

func roleText(text string, toks []token) string {
	for len(toks) > 0 && determiners[toks[0].text] {
		toks = toks[1:]
	}
	if len(toks) == 0 || !strings.ContainsFunc(text[toks[0].start:toks[len(toks)-1].end], unicode.IsLetter) {
		return "" // an age, ", 57,", is no role
	}
	return text[toks[0].start:toks[len(toks)-1].end]
}

func isQuoteMark(t string) bool {
	switch t {
	case "\"", "“", "”", "‘", "’":
		return true
	}
	return false
}

func (p *para) capsBefore(i, lo int) phrase {
	a := p.trimCommon(capsBack(p.toks, i, lo), i+1, lo)
	if a > i {
		return phrase{}
	}
	w := words(p.toks[a : i+1])
	if _, poss := possessive(w[len(w)-1]); poss {
		return phrase{}
	}
	start, end := p.span(a, i)
	if p.is(a-1, theBoth) {
		if ph, ok := titleRef(w, p.toks[a-1].start, end); ok {
			return ph
		}
	}
	b := a - 1
	if p.is(b, theSet) {
		b--
	}
	if p.is(b, forOfAt) && p.is(b-1, spokesNouns) {
		return orgPhrase(w, p.toks[b-1].start, end)
	}
	if p.is(a-1, fromSet) && a-2 >= lo && upper(p.toks[a-2]) {
		if a2 := p.trimCommon(capsBack(p.toks, a-2, lo), a-1, lo); a2 <= a-2 {
			if ph := splitName(words(p.toks[a2 : a-1])); ph.kind == kindPerson {
				ph.role = strings.Join(w, " ")
				ph.start, ph.end = p.toks[a2].start, end
				return ph
			}
		}
	}
	ph := splitName(w)
	ph.start, ph.end = start, end
	if ph.role == "" && ph.kind != kindOrg {
		if m := p.roleBefore(a, lo); m < a {
			ph.role = p.text[p.toks[m].start:p.toks[a-1].end]
			ph.kind = kindPerson
			ph.start = p.toks[m].start
		}
	}
	return ph
}

// roleBefore finds where a role in lower case standing before the name at
// toks[a] begins: "pollster J. Ann Lee", "NHS spokesperson Dan Reed"; a
// when there is none.
func (p *para) roleBefore(a, lo int) int {
	r := a - 1
	if r < lo || !(personNouns[p.toks[r].text] || spokesNouns[p.toks[r].text]) {
		return a
	}
	for r >= lo && a-1-r < 4 && p.toks[r].word && isLowerWord(p.toks[r].text) && !determiners[p.toks[r].text] && !connectors[p.toks[r].text] && !pastVerb(p.toks[r].text) {
		r--
	}
	if r >= lo && upper(p.toks[r]) {
		return p.trimCommon(capsBack(p.toks, r, lo), r+1, lo)
	}
	return r + 1
}

// pastVerb reports whether a word in lower case is likely a verb in the
// past tense, which ends a role read backwards ("Ann Lee thanked mayor
// Tom Hale": the role is "mayor"); a few such words describe people.
func pastVerb(w string) bool {
	return strings.HasSuffix(w, "ed") && !pastRoles[w] || speechVerbs[w]
}

var pastRoles = setOf("retired", "licensed", "qualified", "registered", "trained", "elected",
	"appointed", "unnamed", "renowned", "celebrated", "acclaimed", "seasoned", "talented")

func orgPhrase(w []string, start, end int) phrase {
	if len(w) > 0 {
		w[len(w)-1], _ = possessive(w[len(w)-1])
	}
	ph := splitName(w)
	if ph.name == "" {
		return phrase{}
	}
	if ph.role != "" { // "Acme chief executive": keep the organisation
		ph.name = strings.TrimSpace(ph.role + " " + ph.name)
		ph.role = ""
	}
	ph.kind, ph.honorific, ph.start, ph.end, ph.spokes = kindOrg, "", start, end, true
	return ph
}

// membersOf reads members standing for their body, "The National Police
// Chiefs in the council", as the body: "National Police Chiefs' Council".
func (p *para) membersOf(i, lo, end int) phrase {
	a := p.trimCommon(capsBack(p.toks, i-3, lo), i-2, lo)
	if a > i-3 {
		return phrase{}
	}
	w := words(p.toks[a : i-2])
	sep := " "
	if strings.HasSuffix(w[len(w)-1], "s") {
		sep = "' "
	}
	for len(w) > 1 && (w[0] == "The" || connectors[w[0]]) {
		w = w[1:]
	}
	t := p.toks[i].text
	name := strings.Join(w, " ") + sep + strings.ToUpper(t[:1]) + t[1:]
	return phrase{name: name, kind: kindOrg, start: p.toks[a].start, end: end}
}

func (p *para) nounBefore(i, lo int) phrase {
	t := p.toks[i].text
	_, end := p.span(i, i)
	if orgNouns[t] && p.is(i-1, theSet) && p.is(i-2, inOf) && i-3 >= lo && upper(p.toks[i-3]) {
		return p.membersOf(i, lo, end)
	}
	if spokesNouns[t] {
		switch {
		case i-1 >= lo && upper(p.toks[i-1]):
			a := p.trimCommon(capsBack(p.toks, i-1, lo), i, lo)
			if a < i {
				return orgPhrase(words(p.toks[a:i]), p.toks[a].start, end)
			}
		case i-1 >= lo && definite(p.toks[i-1].text):
			return phrase{ref: "spokesman", start: p.toks[i-1].start, end: end}
		case i-1 >= lo && (p.toks[i-1].text == "a" || p.toks[i-1].text == "A"):
			return phrase{ref: "a spokesman", start: p.toks[i-1].start, end: end}
		}
		return phrase{}
	}
	if !personNouns[t] && !orgNouns[t] {
		return phrase{}
	}
	if namedBodies[t] && i-1 >= lo && upper(p.toks[i-1]) {
		// "The Unite union warned": the body is named
		if a := p.trimCommon(capsBack(p.toks, i-1, lo), i, lo); a < i && (a == lo || p.is(a-1, theBoth)) {
			ph := splitName(words(p.toks[a:i]))
			ph.kind, ph.start, ph.end = kindOrg, p.toks[a].start, end
			return ph
		}
	}
	for r := i - 1; r >= lo && i-r <= 4; r-- {
		if definite(p.toks[r].text) {
			return phrase{ref: t, quals: strings.ToLower(p.text[p.toks[r+1].start:p.toks[i].start]), start: p.toks[r].start, end: end}
		}
		if !p.toks[r].word {
			break
		}
	}
	return phrase{}
}

// after reads the speaker phrase starting at toks[i]: "said Mr Blair", "said a
// spokesman for the Home Office", "said Ann Lee, MP for Hove".
func (p *para) after(i, hi int) phrase {
	if i >= hi {
		return phrase{}
	}
	t := p.toks[i]
	if personPronouns[t.text] || orgPronouns[t.text] {
		if !p.endsPhrase(i+1, hi) {
			return phrase{}
		}
		ref := "he"
		if orgPronouns[t.text] {
			ref = strings.ToLower(t.text)
		}
		return phrase{ref: ref, start: t.start, end: t.end}
	}
	if prepositions[t.text] {
		return phrase{} // "confirmed to the paper": a listener, not a speaker
	}
	start := t.start
	def := definite(t.text)
	if determiners[t.text] {
		i++
	}
	if i >= hi {
		return phrase{}
	}
	if spokesNouns[p.toks[i].text] {
		return p.spokesAfter(i, hi, def, start)
	}
	if p.toks[i].word && isLowerWord(p.toks[i].text) {
		if ph := p.nounAfter(i, hi, def, start); ph.ok() {
			return ph
		}
		return p.roleNameAfter(i, hi, start)
	}
	e := capsFwd(p.toks, i, hi)
	if e == i {
		return phrase{}
	}
	if e+1 < hi && spokesNouns[p.toks[e].text] && upper(p.toks[e+1]) {
		return p.roleNameAfter(i, hi, start)
	}
	if e < hi && spokesNouns[p.toks[e].text] {
		return orgPhrase(words(p.toks[i:e]), start, p.toks[e].end)
	}
	if ph, ok := titleRef(words(p.toks[i:e]), start, p.toks[e-1].end); ok && def && p.endsPhrase(e, hi) {
		return ph
	}
	ph := splitName(words(p.toks[i:e]))
	if r := p.roleWordsAfter(e, hi); r > e { // "Tory leader Ann Lee"
		e2 := capsFwd(p.toks, r, hi)
		ph = splitName(words(p.toks[r:e2]))
		ph.role, ph.kind = p.text[p.toks[i].start:p.toks[r-1].end], kindPerson
		e = e2
	}
	ph.start, ph.end = start, p.toks[e-1].end
	if !p.endsPhrase(e, hi) {
		return phrase{}
	}
	return p.appositiveAfter(ph, e, hi)
}

// roleWordsAfter finds where a name begins after role words in lower case
// that follow an organisation or a place and end in a role noun: "leader"
// of "Tory leader Ann Lee", "senior scientist" of "Met Office senior
// scientist Leon Hermanson"; e when there are none.
func (p *para) roleWordsAfter(e, hi int) int {
	for r := e; r+1 < hi && r-e < 4 && p.toks[r].word && isLowerWord(p.toks[r].text); r++ {
		t := p.toks[r].text
		if determiners[t] || connectors[t] || pastVerb(t) {
			break
		}
		if (personNouns[t] || spokesNouns[t]) && upper(p.toks[r+1]) {
			return r + 1
		}
	}
	return e
}

// roleNameAfter reads "asthma sufferer Dan Reed" after a verb.
func (p *para) roleNameAfter(i, hi, start int) phrase {
	r := p.qualifiedRole(i, hi) // "current Australia captain Pat Cummins"
	for q := r > i; !q && r < hi && r-i < 4 && p.toks[r].word && !connectors[p.toks[r].text] && !(prepositions[p.toks[r].text] && !sourceMarks[p.toks[r].text]) && (isLowerWord(p.toks[r].text) || r == i); {
		r++
	}
	if r == i || r >= hi || !upper(p.toks[r]) || !isLowerWord(p.toks[r-1].text) {
		return phrase{}
	}
	e := capsFwd(p.toks, r, hi)
	ph := splitName(words(p.toks[r:e]))
	if ph.kind != kindPerson || !p.endsPhrase(e, hi) {
		return phrase{}
	}
	ph.role = p.text[p.toks[i].start:p.toks[r-1].end]
	ph.start, ph.end = start, p.toks[e-1].end
	return p.appositiveAfter(ph, e, hi)
}

// sourceMarks name whose words a document holds: "a statement from Ann
// Lee", "figures provided by Acme". Other prepositions name whom the words
// are about or near ("a person close to Ann Lee") or who heard them ("a
// statement sent to Acme").
var sourceMarks = setOf("from", "by")

// qualifiedRole finds where the name begins after a role that mixes words
// in lower case with a capitalised qualifier and ends in a role noun:
// "current Australia captain", "former Labour leader"; i when none does.
func (p *para) qualifiedRole(i, hi int) int {
	for r := i + 1; r < hi && r-i <= 6 && p.toks[r-1].word && !connectors[p.toks[r-1].text]; r++ {
		if upper(p.toks[r]) && (personNouns[p.toks[r-1].text] || spokesNouns[p.toks[r-1].text]) {
			return r
		}
	}
	return i
}

func (p *para) spokesAfter(i, hi int, def bool, start int) phrase {
	if p.is(i+1, forOfAt) {
		j := i + 2
		if p.is(j, theSet) {
			j++
		}
		if e := capsFwd(p.toks, j, hi); e > j {
			return orgPhrase(words(p.toks[j:e]), start, p.toks[e-1].end)
		}
	}
	if def && p.endsPhrase(i+1, hi) {
		return phrase{ref: "spokesman", start: start, end: p.toks[i].end}
	}
	return phrase{}
}

func (p *para) nounAfter(i, hi int, def bool, start int) phrase {
	if !def {
		return phrase{}
	}
	r := i
	for r < hi && p.toks[r].word && isLowerWord(p.toks[r].text) && (personNouns[p.toks[r].text] || orgNouns[p.toks[r].text]) {
		r++
	}
	if r == i || !p.endsPhrase(r, hi) {
		return phrase{}
	}
	return phrase{ref: p.toks[r-1].text, quals: p.text[p.toks[i].start:p.toks[r-1].start], start: start, end: p.toks[r-1].end}
}

// endsPhrase reports whether a speaker phrase can end before toks[i].
func (p *para) endsPhrase(i, hi int) bool {
	if i >= hi {
		return true
	}
	t := p.toks[i]
	return !t.word || afterName[t.text]
}

func (p *para) appositiveAfter(ph phrase, e, hi int) phrase {
	if e >= hi || p.toks[e].text != "," || ph.kind == kindOrg || ph.role != "" {
		return ph
	}
	k := e + 1
	for k < hi && k-e <= 20 && (p.toks[k].word || p.toks[k].text == "'" || p.toks[k].text == "&") {
		k++
	}
	if k == e+1 || k-e > 20 || k < hi && !strings.Contains(",.-–—(;", p.toks[k].text) {
		return ph
	}
	first := p.toks[e+1].text
	if relative[first] || weakVerbs[first] || !p.toks[e+1].word || personPronouns[first] || orgPronouns[first] || first == "we" || first == "I" {
		return ph
	}
	if hasSpeechVerb(p.toks[e+1 : k]) {
		return ph // ", the sheriff told CNN": a clause, not a role
	}
	ph.role = roleText(p.text, p.toks[e+1:k])
	ph.kind = kindPerson
	return ph
}

// namedBodies are bodies a capitalised word before them names ("the
// Unite union", "the Labour party"), where for others it would more often
// place them ("the US regulator").
var namedBodies = setOf("union", "party")

// hasSpeechVerb reports whether toks hold a speech verb: an appositive
// that does (", asked about the claim,") is a clause, not a role.
func hasSpeechVerb(toks []token) bool {
	for _, t := range toks {
		if speechVerbs[t.text] || weakVerbs[t.text] {
			return true
		}
	}
	return false
}

var fromSet = setOf("from")

// prepositions open no speaker phrase after a verb: "said to reporters",
// "told in an interview".
var prepositions = setOf("to", "in", "at", "on", "for", "by", "with", "during", "from", "after",
	"before", "about", "over", "via", "through")

var (
	theSet       = setOf("the")
	inOf         = setOf("in", "of")
	asSet        = setOf("as")
	whoWhich     = setOf("who", "which")
	whichSet     = setOf("which")
	theBoth      = setOf("the", "The")
	forOfAt      = setOf("for", "of", "at")
	toSet        = setOf("to")
	andSet       = setOf("and")
	statementDet = setOf("a", "an", "its", "their", "his", "her")
)
