// Package attrib finds who says what in news text: reported speech ("X
// said", "according to X"), direct quotations before or after their
// speaker, statements by organisations and references back to earlier
// speakers ("he added", "the minister said", "the firm said"). It is pure:
// no I/O, regular expressions or global state beyond fixed word lists.
package attrib

import (
	"strings"
	"unicode"

	"storybot/article"
)

// Attribute finds the speakers of an article's paragraphs; result[i] lists
// the statements of paragraphs[i] whose speaker is known (nil when none).
// outlet is the name of the article's publisher (article.OutletName), empty
// when unknown: an article never quotes its own outlet as a source.
func Attribute(outlet string, paragraphs []string) [][]article.Speaker {
	out := make([][]article.Speaker, len(paragraphs))
	for _, s := range Statements(outlet, paragraphs) {
		if s.Speaker != "" {
			out[s.Paragraph] = append(out[s.Paragraph], s.article())
		}
	}
	return out
}

// Statements finds every statement of an article, in reading order.
// Context carries across paragraphs: pronouns and "the minister added"
// resolve to people named before; a quotation that opens in one paragraph
// and continues in the next is attributed in both. A statement whose
// speaker the text leaves uncertain has no Speaker. outlet is as for
// Attribute.
func Statements(outlet string, paragraphs []string) []Statement {
	paras := make([]*para, len(paragraphs))
	for i, text := range paragraphs {
		paras[i] = newPara(text)
	}
	d := newDoc(paras)
	d.outlet = strings.TrimPrefix(strings.Join(strings.Fields(outlet), " "), "The ")
	found := make([][]statement, len(paragraphs))
	var prev result
	for i, p := range paras {
		p.doc, p.idx = d, i
		d.addMentions(p)
		res := p.attribute(prev.carry())
		if i > 0 && prev.openUnsaid >= 0 && res.first != nil {
			// the speaker is named only where the quotation resumes
			q := paras[i-1].quotes[prev.openUnsaid]
			found[i-1] = add(found[i-1], statement{sp: res.first, quote: paras[i-1].trim(q.inner, q.close), direct: true})
		}
		found[i] = res.found
		prev = res
	}
	var out []Statement
	for i, fs := range found {
		for _, f := range fs {
			out = append(out, f.public(i))
		}
	}
	return out
}

// result is one paragraph's attribution and what the next paragraph needs.
type result struct {
	found      []statement
	open       *speaker // speaker of a quotation still open at the end
	last       *speaker // the one speaker of the paragraph's last sentence
	openUnsaid int      // index of an open quotation with no speaker, or -1
	first      *speaker // speaker of a quotation opening the paragraph
}

// carry is who a quotation opening the next paragraph continues: the
// speaker of a quotation left open, else of the last sentence.
func (r result) carry() *speaker {
	if r.open != nil {
		return r.open
	}
	return r.last
}

func newPara(text string) *para {
	p := &para{text: text, toks: tokenize(text)}
	spans := sentenceSpans(text, p.toks)
	for _, s := range spans {
		p.sents = append(p.sents, p.tokenRange(s))
	}
	p.quotes = findQuotes(text)
	endRunOn(text, p.toks, spans, p.quotes)
	return p
}

func (p *para) tokenRange(s [2]int) [2]int {
	lo, hi := -1, 0
	for i, t := range p.toks {
		if t.start >= s[0] && t.end <= s[1] {
			if lo < 0 {
				lo = i
			}
			hi = i + 1
		}
	}
	return [2]int{lo, hi}
}

// attribute finds the statements of the paragraph; carry is who a
// quotation opening it continues (see result.carry).
func (p *para) attribute(carry *speaker) result {
	res := result{openUnsaid: -1}
	said := make([]*speaker, len(p.quotes))
	by := make([]*speaker, len(p.sents)) // each sentence's one speaker
	cued := make([]bool, len(p.sents))
	unread := make([]bool, len(p.sents)) // a cue whose speaker cannot be read
	for _, c := range p.cues() {
		sp, quotes, direct := p.attributeCue(c, said)
		si := p.sentOf(c.first)
		if sp == nil {
			unread[si] = unread[si] || c.namesSpeaker()
			continue
		}
		if len(quotes) == 0 {
			continue
		}
		p.doc.remember(*sp)
		cued[si] = true
		by[si] = oneSpeaker(by[si], sp)
		for _, q := range quotes {
			res.found = add(res.found, statement{sp: sp, quote: q, direct: direct})
		}
	}
	for qi, q := range p.quotes {
		si := p.sentOf(p.tokenAt(q.open))
		if said[qi] == nil {
			said[qi] = p.unclaimed(qi, si, carry, cued, unread, by, said)
		}
		if said[qi] == nil {
			continue
		}
		by[si] = oneSpeaker(by[si], said[qi])
		res.found = add(res.found, statement{sp: said[qi], quote: p.trim(q.inner, q.close), direct: true})
	}
	p.ends(&res, said, by)
	return res
}

// unclaimed finds the speaker of a quotation no cue claimed: that of the
// quotation it resumes, the one it continues, or the subject of the
// sentence before. When its own sentence has a speech verb whose speaker
// cannot be read ("…,” said the man who brokered it), someone else
// speaks: the quotation is uncertain, never the speaker before.
func (p *para) unclaimed(qi, si int, carry *speaker, cued, unread []bool, by, said []*speaker) *speaker {
	var sp *speaker
	if qi > 0 && !p.quotes[qi-1].closed {
		sp = said[qi-1]
	}
	if sp == nil {
		sp = p.continued(qi, si, carry, cued, by)
	}
	if sp == nil {
		sp = p.subjectBefore(p.quotes[qi])
	}
	if sp != nil && unread[si] && !cued[si] {
		return uncertain
	}
	return sp
}

// continued finds whose words a quotation no cue claimed goes on with
// when it opens a sentence without a cue: the one speaker of the sentence
// before (or of the previous paragraph's last sentence), the news
// convention for a quotation that runs on from its attribution.
func (p *para) continued(qi, si int, carry *speaker, cued []bool, by []*speaker) *speaker {
	q := p.quotes[qi]
	switch {
	case cued[si] || p.sents[si][0] < 0 || p.toks[p.sents[si][0]].start != q.open:
		return nil
	case si == 0:
		return carry
	}
	if sp := by[si-1]; sp != nil && sp.name != "" {
		return sp
	}
	return nil
}

// oneSpeaker is the one speaker of a sentence so far: uncertain once two
// different ones speak in it.
func oneSpeaker(cur, sp *speaker) *speaker {
	if cur == nil || sameName(cur.name, sp.name) {
		return sp
	}
	return uncertain
}

// ends notes what the next paragraph may continue.
func (p *para) ends(res *result, said, by []*speaker) {
	if n := len(by); n > 0 && by[n-1] != nil && by[n-1].name != "" {
		res.last = by[n-1]
	}
	n := len(p.quotes)
	if n == 0 {
		return
	}
	last := p.quotes[n-1]
	if !last.closed && last.close >= len(strings.TrimRight(p.text, " \n\t")) {
		res.open = said[n-1]
		if said[n-1] == nil && p.opensParagraph(p.quotes[0]) {
			res.openUnsaid = n - 1
		}
	}
	if p.opensParagraph(p.quotes[0]) {
		res.first = said[0]
	}
}

func (p *para) opensParagraph(q quoteSpan) bool {
	return strings.TrimLeft(p.text[:q.open], " \n\t") == ""
}

// add appends s. A speaker already listed is listed again for a statement
// that is not part of one already kept, so each statement keeps its
// speaker when a long paragraph is cut into passages; of a quotation and
// the reported clause around it, the quotation is kept. A statement of no
// one is kept only where no one's statement covers it.
func add(list []statement, s statement) []statement {
	if s.quote == "" {
		return list
	}
	for i := range list {
		l := &list[i]
		if !overlaps(l.quote, s.quote) || !sameName(l.name(), s.name()) && l.name() != "" && s.name() != "" {
			continue
		}
		switch {
		case s.name() == "":
		case l.name() == "":
			*l = s
		default:
			if l.role() == "" && s.role() != "" {
				sp := *l.sp
				sp.role = s.role()
				l.sp = &sp
			}
			if s.direct && len(l.quote) < len(s.quote)/2 {
				l.quote, l.direct = s.quote, true
			}
		}
		return list
	}
	if s.role() == "" {
		for _, l := range list {
			if l.role() != "" && sameName(l.name(), s.name()) {
				s.sp = l.sp
			}
		}
	}
	return append(list, s)
}

// overlaps reports whether one quote holds the other, or they share a
// stretch of 30 bytes: two readings of one statement.
func overlaps(a, b string) bool {
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	for i := 0; i+30 <= len(short); i += 10 {
		if strings.Contains(long, short[i:i+30]) {
			return true
		}
	}
	return false
}

// trim returns text[a:b] without surrounding space and clause
// punctuation, and without a "that" opening a reported clause.
func (p *para) trim(a, b int) string {
	s := strings.TrimLeftFunc(p.text[a:b], clauseEdge)
	if rest, ok := strings.CutPrefix(s, "that"); ok && rest != "" && unicode.IsSpace([]rune(rest)[0]) {
		s = strings.TrimLeftFunc(rest, clauseEdge)
	}
	return strings.TrimRightFunc(s, clauseEdge)
}

func clauseEdge(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;:—–-", r)
}

// subjectBefore finds who a quotation standing as its own sentence belongs
// to when the sentence before it names its subject and says nothing
// quoted: `Ann Lee criticised the plans. "If you want ..."`.
func (p *para) subjectBefore(q quoteSpan) *speaker {
	for si, s := range p.sents {
		if s[0] < 0 || p.toks[s[0]].start != q.open {
			continue
		}
		if si == 0 {
			return nil
		}
		prev := p.sents[si-1]
		for i := prev[0]; i < prev[1]; i++ {
			if isQuoteMark(p.toks[i].text) {
				return nil
			}
		}
		ph := p.subject(prev[0], prev[1])
		if ph.name == "" && ph.ref != "he" {
			return nil
		}
		sp, ok := p.doc.resolve(ph, p)
		if !ok || p.citesOutlet(cueVerb, -1, ph, sp) {
			return uncertain
		}
		p.doc.remember(sp)
		return &sp
	}
	return nil
}
