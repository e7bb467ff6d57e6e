package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth bounds element nesting. Readability's scoring walks ancestors
// and subtrees, so pathological nesting would cost quadratic time; no real
// article needs anything near this depth.
const maxDepth = 200

// limitDepth replaces every element deeper than limit by the plain text of
// its subtree, so nothing below it survives as nesting.
func limitDepth(root *html.Node, limit int) {
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth >= limit && it.n.FirstChild != nil {
			flatten(it.n)
			continue
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
}

// flatten replaces the children of n with one text node holding their text.
func flatten(n *html.Node) {
	text := textOf(n)
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
}

// countElements counts element nodes under root, stopping at limit.
func countElements(root *html.Node, limit int) int {
	count := 0
	walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			count++
		}
		return count < limit
	})
	return count
}

// walk visits root and its descendants in document order without
// recursion; visit returns false to skip a node's children.
func walk(root *html.Node, visit func(*html.Node) bool) {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(n) {
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// textOf returns the text of n's subtree, words separated by single spaces.
func textOf(n *html.Node) string {
	var sb strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style) {
			return false
		}
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
			sb.WriteByte(' ')
		}
		return true
	})
	return strings.Join(strings.Fields(sb.String()), " ")
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n carries attribute key at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// tagOf returns n's tag as an atom. Elements created by go-readability
// carry only Data, so the atom is looked up when DataAtom is unset.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom == 0 && n.Type == html.ElementNode {
		return atom.Lookup([]byte(n.Data))
	}
	return n.DataAtom
}
