package attrib

import (
	"strings"

	"storybot/article"
)

// Statement is one thing an article reports someone saying.
type Statement struct {
	Paragraph int    // index of the paragraph that holds Quote
	Speaker   string // who said it; empty when the text leaves it uncertain
	Role      string // the speaker's role as the article gives it, if any
	Quote     string // the words, verbatim from the paragraph
	Kind      string // article.Direct or article.Reported
}

// statement is a Statement being collected; sp is nil or has no name when
// uncertain.
type statement struct {
	sp     *speaker
	quote  string
	direct bool
}

func (s statement) name() string {
	if s.sp == nil {
		return ""
	}
	return s.sp.name
}

func (s statement) role() string {
	if s.sp == nil {
		return ""
	}
	return s.sp.role
}

func (s statement) public(paragraph int) Statement {
	k := article.Reported
	if s.direct {
		k = article.Direct
	}
	return Statement{Paragraph: paragraph, Speaker: s.name(), Role: s.role(), Quote: s.quote, Kind: k}
}

func (s Statement) article() article.Speaker {
	return article.Speaker{Name: s.Speaker, Role: s.Role, Quote: s.Quote, Kind: s.Kind}
}

// sameName compares speakers' names as the article spells them, whatever
// its apostrophes.
func sameName(a, b string) bool { return strings.EqualFold(foldApostrophes(a), foldApostrophes(b)) }

func foldApostrophes(s string) string { return strings.ReplaceAll(s, "’", "'") }
