package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"storybot/article"
)

// blockTags start a new paragraph when they open and when they close.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.Footer: true, atom.Li: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Figure: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Center: true, atom.Body: true,
}

// block is one paragraph of text with how much of it sits inside links.
type block struct {
	text      string
	linkChars int
}

// splitter collects blocks from a DOM subtree.
type splitter struct {
	blocks    []block
	cur       strings.Builder
	linkChars int
	inLink    int
	breaks    int
}

// paragraphs returns the text blocks of n in document order, split at block
// elements and at double <br>, dropping short blocks that are mostly links
// ("Read more: …", lists of related headlines).
func paragraphs(n *html.Node) []string {
	var s splitter
	s.visit(n)
	s.flush()
	var out []string
	for _, b := range s.blocks {
		if !linkDense(b) {
			out = append(out, b.text)
		}
	}
	return out
}

func (s *splitter) visit(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		s.text(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	tag := tagOf(n)
	switch tag {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
		return
	case atom.Br:
		s.breaks++
		if s.breaks >= 2 {
			s.flush()
		} else {
			s.cur.WriteByte(' ')
		}
		return
	case atom.Img:
		return
	}
	block := blockTags[tag]
	if block {
		s.flush()
	}
	if tag == atom.A {
		s.inLink++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.visit(c)
	}
	if tag == atom.A {
		s.inLink--
	}
	if block {
		s.flush()
	}
}

func (s *splitter) text(t string) {
	if strings.TrimSpace(t) == "" {
		s.cur.WriteString(" ")
		return
	}
	s.breaks = 0
	s.cur.WriteString(t)
	if s.inLink > 0 {
		s.linkChars += len(strings.TrimSpace(t))
	}
}

func (s *splitter) flush() {
	text := normalizeSpace(s.cur.String())
	if text != "" {
		s.blocks = append(s.blocks, block{text: text, linkChars: s.linkChars})
	}
	s.cur.Reset()
	s.linkChars, s.breaks = 0, 0
}

// linkDense reports whether a block is a short run of link text: a teaser,
// a "read more" line or a navigation item rather than a sentence.
func linkDense(b block) bool {
	words := article.Words(b.text)
	return words <= 40 && float64(b.linkChars) > 0.7*float64(len(b.text))
}

// normalizeSpace collapses runs of whitespace (including no-break and
// zero-width spaces) into single spaces and trims the ends.
func normalizeSpace(s string) string {
	if spacedNormally(s) { // most text already is, and is then not copied
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// spacedNormally reports whether normalizeSpace would return s unchanged:
// no space at either end, no two in a row, and none but ' '.
func spacedNormally(s string) bool {
	space := true // as if one came before s: a leading space is not normal
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == ' ' && !space:
			space = true
		case isSpace(r):
			return false
		default:
			space = false
		}
		i += n
	}
	return !space || s == ""
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200c'
}
