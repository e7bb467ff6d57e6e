package question

import "strings"

// spellingPairs are the regular British and American spelling
// correspondences of word endings (-ise/-ize, -our/-or, -yse/-yze,
// -ence/-ense, -ogue/-og); each word is searched in both spellings.
var spellingPairs = [][2]string{
	{"isation", "ization"}, {"ise", "ize"}, {"ised", "ized"}, {"ises", "izes"}, {"ising", "izing"},
	{"yse", "yze"}, {"ysed", "yzed"}, {"our", "or"}, {"ours", "ors"}, {"oured", "ored"},
	{"ence", "ense"}, {"ogue", "og"},
}

// oneWay are British endings whose American form is too common an ending to
// reverse ("metre" → "meter", but not "manchester" → "manchestre").
var oneWay = [][2]string{{"tre", "ter"}, {"tres", "ters"}}

// doubledL are the common verb stems that double their final l before -ed
// and -ing in British spelling only ("travelled", "traveled").
var doubledL = setOf("travel", "cancel", "label", "model", "fuel", "level", "signal", "channel",
	"marshal", "counsel", "total", "equal", "dial", "duel", "jewel", "quarrel", "tunnel", "rival")

// shortExceptions are common English words that end like a British
// spelling but are not one.
var shortExceptions = setOf("rise", "wise", "vise", "arise", "raise", "noise", "poise", "praise",
	"cruise", "ise", "our", "four", "hour", "your", "tour", "pour", "sour", "flour", "ours", "hours",
	"tours", "yours", "fence", "hence", "pence", "since", "once", "whence", "thence", "sence",
	"tre", "centre", "ence", "lled", "well", "will", "shall", "call", "fall", "hall", "tall",
	"programme", "exercise", "advertise", "enterprise", "surprise", "compromise", "premise",
	"promise", "expertise", "franchise", "merchandise", "concise", "precise", "demise",
	"otherwise", "likewise", "despise", "devise", "revise", "supervise", "televise", "comprise")

// Variants returns w followed by its other spelling, if any ("criticise" →
// "criticise criticize"; "color" → "color colour").
func Variants(w string) []string {
	out := []string{w}
	for _, p := range spellingPairs {
		for _, dir := range [][2]string{{p[0], p[1]}, {p[1], p[0]}} {
			if alt, ok := swapEnding(w, dir[0], dir[1]); ok && alt != w && !contains(out, alt) {
				out = append(out, alt)
			}
		}
	}
	for _, p := range oneWay {
		if alt, ok := swapEnding(w, p[0], p[1]); ok && !contains(out, alt) {
			out = append(out, alt)
		}
	}
	for _, suf := range []string{"ed", "ing", "er", "ers"} {
		if stem := strings.TrimSuffix(w, "ll"+suf); stem != w && doubledL[stem+"l"] {
			out = append(out, stem+"l"+suf)
		} else if stem := strings.TrimSuffix(w, suf); stem != w && doubledL[stem] {
			out = append(out, stem+"l"+suf)
		}
	}
	switch w {
	case "centre", "center":
		out = []string{"centre", "center"}
	case "programme", "program":
		out = []string{"programme", "program"}
	case "theater", "theatre":
		out = []string{"theatre", "theater"}
	}
	return out
}

func swapEnding(w, from, to string) (string, bool) {
	if len(w) < len(from)+3 || !strings.HasSuffix(w, from) || shortExceptions[w] {
		return "", false
	}
	// -our/-or only for words that are spelled both ways in practice
	if (from == "or" || from == "ors" || from == "ored") && !orWords[strings.TrimSuffix(w, from)] {
		return "", false
	}
	if (from == "our" || from == "ours" || from == "oured") && !orWords[strings.TrimSuffix(w, from)] {
		return "", false
	}
	return strings.TrimSuffix(w, from) + to, true
}

// orWords are the stems of the common words spelled -our in Britain and
// -or in America.
var orWords = setOf("col", "fav", "hon", "lab", "behavi", "neighb", "harb", "hum", "rum", "vig",
	"arm", "od", "flav", "sav", "vap", "rig", "cand", "clam", "endeav", "glam", "parl", "rancour",
	"splend", "tum", "val")

func contains(s []string, w string) bool {
	for _, x := range s {
		if x == w {
			return true
		}
	}
	return false
}
