package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blankLine separates paragraphs of plain text.
var blankLine = regexp.MustCompile(`\n[ \t\r]*\n`)

// Fragment turns an HTML fragment (a feed item's content or description)
// into clean paragraphs. A fragment with no markup is taken as plain text
// whose paragraphs are separated by blank lines.
func Fragment(s string) []string {
	if !strings.Contains(s, "<") {
		return Clean(blankLine.Split(html.UnescapeString(s), -1))
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return nil
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	limitDepth(root, maxDepth)
	prune(root)
	return Clean(paragraphs(root))
}
