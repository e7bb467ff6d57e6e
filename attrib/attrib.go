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

// maxQuote is about how long a Speaker.Quote may be, in bytes.
const maxQuote = 200

// Attribute finds the speakers of an article's paragraphs; result[i] lists
// the speakers in paragraphs[i] (nil when none). Context carries across
// paragraphs: pronouns and "the minister added" resolve to the last named
// speaker; a quote that opens in one paragraph and continues in the next is
// attributed in both. Every Quote is a verbatim substring of its paragraph.
func Attribute(paragraphs []string) [][]article.Speaker {
	paras := make([]*para, len(paragraphs))
	for i, text := range paragraphs {
		paras[i] = newPara(text)
	}
	d := newDoc(paras)
	out := make([][]article.Speaker, len(paragraphs))
	var prev result
	for i, p := range paras {
		p.doc = d
		d.addMentions(p)
		res := p.attribute(prev.open)
		if i > 0 && prev.openUnsaid >= 0 && res.first != nil {
			// the speaker is named only where the quotation resumes
			q := paras[i-1].quotes[prev.openUnsaid]
			out[i-1] = add(out[i-1], res.first.toArticle(paras[i-1].trim(q.inner, q.close)), true)
		}
		out[i] = res.speakers
		prev = res
	}
	return out
}

// result is one paragraph's attribution and what the next paragraph needs.
type result struct {
	speakers   []article.Speaker
	open       *speaker // speaker of a quotation still open at the end
	openUnsaid int      // index of an open quotation with no speaker, or -1
	first      *speaker // speaker of a quotation opening the paragraph
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

// attribute finds the speakers of the paragraph; carry is the speaker of a
// quotation left open by the previous paragraph.
func (p *para) attribute(carry *speaker) result {
	res := result{openUnsaid: -1}
	said := make([]*speaker, len(p.quotes))
	for _, c := range p.cues() {
		sp, quote, isDirect, ok := p.attributeCue(c, said)
		if !ok {
			continue
		}
		p.doc.remember(*sp)
		res.speakers = add(res.speakers, sp.toArticle(quote), isDirect)
		if org := orgOfRole(sp.role); sp.kind == kindPerson && org != "" && !strings.EqualFold(org, sp.name) {
			// a representative speaks for the organisation too
			o := speaker{name: org, kind: kindOrg}
			p.doc.remember(o)
			res.speakers = add(res.speakers, o.toArticle(quote), isDirect)
		}
	}
	for qi, q := range p.quotes {
		if said[qi] != nil {
			continue
		}
		switch {
		case qi == 0 && carry != nil && p.opensParagraph(q):
			said[qi] = carry
		case qi > 0 && !p.quotes[qi-1].closed && said[qi-1] != nil:
			said[qi] = said[qi-1] // the same quotation resumed
		case p.subjectBefore(q) != nil:
			said[qi] = p.subjectBefore(q)
		default:
			continue
		}
		res.speakers = add(res.speakers, said[qi].toArticle(p.trim(q.inner, q.close)), true)
	}
	if n := len(p.quotes); n > 0 {
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
	return res
}

func (p *para) opensParagraph(q quoteSpan) bool {
	return strings.TrimLeft(p.text[:q.open], " \n\t") == ""
}

// add appends s. A speaker already listed is listed again for a statement
// that is not part of one already kept, so each statement keeps its
// speaker when a long paragraph is cut into passages; of a quotation and
// the reported clause around it, the quotation is kept.
func add(list []article.Speaker, s article.Speaker, direct bool) []article.Speaker {
	if s.Quote == "" || pronounLike(s.Name) {
		return list // a pronoun read as a name ("Their", "Its") is no speaker
	}
	for i := range list {
		if !strings.EqualFold(list[i].Name, s.Name) {
			continue
		}
		if list[i].Role == "" {
			list[i].Role = s.Role
		}
		if overlaps(list[i].Quote, s.Quote) {
			if direct && len(list[i].Quote) < len(s.Quote)/2 {
				list[i].Quote = s.Quote
			}
			return list
		}
		if s.Role == "" {
			s.Role = list[i].Role
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

// trim returns text[a:b] without surrounding space and clause punctuation,
// cut to about maxQuote bytes at a word boundary.
func (p *para) trim(a, b int) string {
	s := strings.TrimLeftFunc(p.text[a:b], clauseEdge)
	if rest, ok := strings.CutPrefix(s, "that"); ok && rest != "" && unicode.IsSpace([]rune(rest)[0]) {
		s = strings.TrimLeftFunc(rest, clauseEdge)
	}
	s = strings.TrimRightFunc(s, clauseEdge)
	if len(s) > maxQuote {
		cut := strings.LastIndexByte(s[:maxQuote], ' ')
		if cut <= 0 {
			cut = maxQuote
			for cut < len(s) && s[cut]&0xC0 == 0x80 {
				cut++
			}
		}
		s = strings.TrimRightFunc(s[:cut], clauseEdge)
	}
	return s
}

func clauseEdge(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;:—–-", r)
}

// subjectBefore finds who a quotation standing as its own sentence belongs
// to when the sentence before it names its subject and says nothing
// quoted: `Dave Prentis criticised the plans. "If you want ..."`.
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
		sp, ok := p.doc.resolve(ph, p, prev[0])
		if !ok {
			return nil
		}
		p.doc.remember(sp)
		return &sp
	}
	return nil
}
