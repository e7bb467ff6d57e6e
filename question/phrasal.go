package question

import "strings"

// reactionPhrases are two-word verbs that ask for a reaction as plainly as
// "responded" or "criticised": the common English phrasal verbs of
// criticism and reply ("how did ofsted hit back", "who laid into wales").
// Parse joins each into one reaction word.
var reactionPhrases = setOf("hit back", "hits back", "hitting back", "hit out", "hits out",
	"push back", "pushed back", "pushing back", "pushes back", "fire back", "fired back",
	"fight back", "fought back", "lash out", "lashed out", "lashing out", "lay into", "laid into",
	"laying into", "speak out", "spoke out", "speaking out", "weigh in", "weighed in", "round on",
	"rounded on", "rail against", "railed against", "sound off", "sounded off")

// joinReactionPhrases rewrites each reaction phrase of sanitized text as
// one hyphenated word: "hit back" → "hit-back".
func joinReactionPhrases(s string) string {
	ws := strings.Fields(s)
	var out []string
	for i := 0; i < len(ws); i++ {
		if i+1 < len(ws) && reactionPhrases[strings.ToLower(ws[i]+" "+ws[i+1])] {
			out = append(out, ws[i]+"-"+ws[i+1])
			i++
			continue
		}
		out = append(out, ws[i])
	}
	return strings.Join(out, " ")
}

// isReaction reports whether w, a word or a joined reaction phrase, asks
// for a reaction.
func isReaction(w string) bool {
	return reactionWords[w] || inflectedReaction(w) ||
		strings.Contains(w, "-") && reactionPhrases[strings.ReplaceAll(w, "-", " ")]
}

// inflectedReaction reports whether w is the -ing or -ed form of a reaction
// verb by the regular rules of English inflection: a silent e dropped
// ("criticising", "welcomed") or a final consonant doubled ("slamming"),
// so that the table need not list every form of every verb.
func inflectedReaction(w string) bool {
	for _, suffix := range []string{"ing", "ed"} {
		stem, ok := strings.CutSuffix(w, suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		n := len(stem)
		if reactionWords[stem] || reactionWords[stem+"e"] || stem[n-1] == stem[n-2] && reactionWords[stem[:n-1]] {
			return true
		}
	}
	return false
}
