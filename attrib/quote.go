package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteSpan is a top-level direct quotation of a paragraph. open and close
// are the offsets of its marks; the words lie in [open+len(mark), close).
// An unclosed quote (close == len(text)) runs to the end of the paragraph,
// as a quotation continued in the next paragraph does.
type quoteSpan struct {
	open, inner, close int
	closed             bool
}

func (q quoteSpan) end(text string) int {
	if !q.closed {
		return q.close
	}
	_, n := utf8.DecodeRuneInString(text[q.close:])
	return q.close + n
}

// findQuotes locates top-level quotations: straight double quotes, curly
// double quotes and British single quotes. Quotes nested inside another are
// part of it. A quote mark that opens while one is already open (the news
// convention for a quotation running over several paragraphs, which some
// sources run together) ends the earlier one unclosed.
func findQuotes(text string) []quoteSpan {
	var spans []quoteSpan
	var cur *quoteSpan
	var kind rune
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+n:])
		opening := i == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '['
		closing := i+n >= len(text) || !isWordRune(next)
		switch {
		case cur != nil && closesKind(kind, r, closing, opening):
			cur.close, cur.closed = i, true
			spans = append(spans, *cur)
			cur = nil
		case (r == '"' || r == '“') && opening && (cur == nil || kind == r || kind == '"' || kind == '“'):
			if cur != nil {
				spans = append(spans, unclosedAt(text, *cur, i))
			}
			cur, kind = &quoteSpan{open: i, inner: i + n}, r
		case r == '‘' && opening && cur == nil:
			cur, kind = &quoteSpan{open: i, inner: i + n}, r
		}
		i += n
	}
	if cur != nil {
		cur.close = len(text)
		spans = append(spans, *cur)
	}
	return spans
}

func closesKind(kind, r rune, closing, opening bool) bool {
	switch kind {
	case '"':
		return r == '"' && !opening || r == '”'
	case '“':
		return r == '”' || r == '"' && !opening
	case '‘':
		return r == '’' && closing
	}
	return false
}

// unclosedAt ends an open quote just before the mark at i.
func unclosedAt(text string, q quoteSpan, i int) quoteSpan {
	q.close = i
	for q.close > q.inner && unicode.IsSpace(rune(text[q.close-1])) {
		q.close--
	}
	return q
}

// words returns the quotation's text without its marks.
func (q quoteSpan) words(text string) string { return text[q.inner:q.close] }

// endRunOn mends a quotation left open and ended only by the next opening
// mark, as happens when a source drops a closing mark and its paragraphs
// are run together: `"… when this happens. Meanwhile, club spokesman Dan
// Reed welcomed the apology and said …`. A later sentence inside
// it that reports speech in the third person is narration, so the
// quotation ends before that sentence.
func endRunOn(text string, toks []token, sents [][2]int, spans []quoteSpan) {
	for i := range spans {
		q := &spans[i]
		if q.closed || i+1 == len(spans) {
			continue
		}
		for _, s := range sents {
			if s[0] <= q.inner || s[0] >= q.close {
				continue
			}
			if narration(toks, s) {
				*q = unclosedAt(text, *q, s[0])
				break
			}
		}
	}
}

// narration reports whether the sentence at byte span s reports speech
// with no first or second person in it.
func narration(toks []token, s [2]int) bool {
	verb := false
	for _, t := range toks {
		if t.start < s[0] || t.end > s[1] {
			continue
		}
		if firstSecond[strings.ToLower(t.text)] || isQuoteMark(t.text) {
			return false
		}
		verb = verb || speechVerbs[t.text]
	}
	return verb
}

var firstSecond = setOf("i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "us", "our", "you", "your")
