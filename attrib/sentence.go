package attrib

import "strings"

// starters are capitalised words that begin sentences far more often than
// they continue an abbreviation such as "U.S." or "Ltd.".
var starters = setOf("The", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That",
	"These", "Those", "In", "On", "At", "A", "An", "His", "Her", "Their", "Its", "Our", "There",
	"However", "Meanwhile", "Mr", "Mrs", "Ms", "Dr", "If", "When", "As", "So", "Yet", "Some",
	"Many", "After", "Before", "While", "Although", "What", "Why", "How", "Who", "Both", "Last",
	"Since", "For", "Now", "Then", "Still", "Also", "Earlier", "Later", "Despite", "Though",
	"Unless", "Because", "Whether", "Instead", "Amid", "Among", "During", "Under", "Once", "Until",
	"Even", "Only", "Such", "Each", "Every", "Most", "Other", "Another", "Several", "Asked",
	"Speaking", "Following", "Having", "With", "Without", "From", "By", "Unlike", "Like")

// corporate are glued abbreviations that may end a sentence.
var corporate = setOf("Inc.", "Ltd.", "Co.", "Corp.", "etc.")

// Sentences splits text into sentences, each a verbatim substring of text
// with surrounding space trimmed. It does not split after abbreviations
// ("Mr.", "Jan.", "No. 10"), initials ("George W. Bush"), decimals, or
// "U.S."/"U.K." unless a typical sentence opener follows; closing quotes
// stay with the sentence they close; a blank line always ends a sentence.
func Sentences(text string) []string {
	var out []string
	for _, s := range sentenceSpans(text, tokenize(text)) {
		out = append(out, text[s[0]:s[1]])
	}
	return out
}

// sentenceSpans returns [start, end) byte offsets of the sentences.
func sentenceSpans(text string, toks []token) [][2]int {
	var spans [][2]int
	start := -1
	for i := 0; i < len(toks); i++ {
		if start < 0 {
			start = toks[i].start
		}
		end := i
		if endsSentence(toks, i) {
			for end+1 < len(toks) && isClosing(toks[end+1].text) && toks[end+1].start == toks[end].end {
				end++
			}
			if !opensSentence(text, toks, end, toks[i]) {
				end = -1
			}
		} else if i+1 < len(toks) && strings.Count(text[toks[i].end:toks[i+1].start], "\n") >= 2 {
			// blank line: hard break
		} else {
			end = -1
		}
		if end >= 0 {
			spans = append(spans, [2]int{start, toks[end].end})
			start = -1
			i = end
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, toks[len(toks)-1].end})
	}
	return spans
}

func endsSentence(toks []token, i int) bool {
	t := toks[i].text
	switch t {
	case ".", "!", "?", "…":
		return true
	}
	if !toks[i].word || !strings.HasSuffix(t, ".") {
		return false
	}
	return !titleAbbrev[t] && len(t) > 2
}

func isClosing(t string) bool {
	switch t {
	case "\"", "”", "’", "'", ")", "]":
		return true
	}
	return false
}

// opensSentence reports whether the token after toks[end] can begin a new
// sentence after the terminator term.
func opensSentence(text string, toks []token, end int, term token) bool {
	if end+1 >= len(toks) {
		return true
	}
	next := toks[end+1]
	if next.start == toks[end].end {
		return false // no space: "3.5", "e.g.x"
	}
	if strings.Count(text[toks[end].end:next.start], "\n") >= 2 {
		return true
	}
	abbrev := term.word // "U.S.", "Ltd.": only before a typical opener
	switch {
	case next.word && isUpperWord(next.text):
		return !abbrev || starters[strings.TrimSuffix(next.text, ".")] || !corporateOrDotted(term.text)
	case next.text == "\"" || next.text == "“" || next.text == "‘" || next.text == "(":
		return !abbrev
	}
	return false
}

func corporateOrDotted(t string) bool {
	return corporate[t] || strings.Contains(strings.TrimSuffix(t, "."), ".")
}
