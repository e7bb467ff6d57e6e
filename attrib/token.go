package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a single punctuation mark of a paragraph, with its byte
// offsets so that anything built from tokens can be cut verbatim from the text.
type token struct {
	text       string
	start, end int
	word       bool
}

// glued are abbreviations whose trailing period belongs to the word.
var glued = setOf("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Lt", "Col",
	"Capt", "Sgt", "Gov", "Sen", "Rep", "Rev", "Hon", "Mt", "Jan", "Feb", "Aug", "Sept",
	"Sep", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "approx", "Messrs")

// titleAbbrev are glued abbreviations that never end a sentence.
var titleAbbrev = setOf("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Lt.", "Col.",
	"Capt.", "Sgt.", "Gov.", "Sen.", "Rep.", "Rev.", "Hon.", "Mt.", "Jan.", "Feb.", "Aug.",
	"Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "No.", "vs.", "approx.", "Messrs.")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// tokenize sizes its result rather than growing it token by token: a word
// or punctuation mark of English news text takes about 5.2 bytes, space
// included (BBC corpus); the size is a little generous so that the result
// rarely grows.
const bytesPerToken = 4

// tokenize splits text into words and punctuation. A word keeps internal
// apostrophes, hyphens and dots ("U.K", "Police’s", "3.5"), a plural
// possessive apostrophe ("Chiefs'"), and a trailing period when it is an
// abbreviation ("U.K.", "Mr.", "W.", "No. 10").
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/bytesPerToken+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			end := wordEnd(text, i)
			toks = append(toks, token{text: text[i:end], start: i, end: end, word: true})
			i = end
		default:
			toks = append(toks, token{text: text[i : i+n], start: i, end: i + n})
			i += n
		}
	}
	return toks
}

func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		if r == '.' || r == '-' || isApostrophe(r) || r == '&' {
			if next, _ := utf8.DecodeRuneInString(text[j+n:]); j+n < len(text) && isWordRune(next) {
				j += n
				continue
			}
		}
		break
	}
	w := text[i:j]
	if j < len(text) && text[j] == '\'' && strings.HasSuffix(w, "s") && followedBySpace(text, j+1) && isUpperWord(w) {
		return j + 1 // "Chiefs' Council"
	}
	if j < len(text) && text[j] == '.' && glueDot(w, text[j+1:]) {
		return j + 1
	}
	return j
}

func followedBySpace(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsSpace(r)
}

func glueDot(w, rest string) bool {
	if glued[w] || strings.Contains(w, ".") {
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true // an initial: "George W. Bush"
	}
	if w == "No" {
		t := strings.TrimLeft(rest, " ")
		return len(t) > 0 && t[0] >= '0' && t[0] <= '9'
	}
	return false
}

func isUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}
