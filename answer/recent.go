package answer

import (
	"time"

	"storybot/question"
)

// freshDays is the age, in days, at which a story's freshness has halved.
const freshDays = 30

// recency sets Recent for questions about recent events ("this week",
// "recently", "announced"): 1 for a story of the day asked about, halving
// at freshDays; 0 for an undated story, which cannot be shown to be
// recent. Without a day asked about, age counts from the newest candidate,
// so an archive answers as it would have on the day its newest story ran.
func recency(q question.Question, cs []candidate, asOf time.Time) {
	if !q.Recent {
		return
	}
	if asOf.IsZero() {
		for _, c := range cs {
			if p := c.hit.Passage.Published; p.After(asOf) {
				asOf = p
			}
		}
	}
	for i := range cs {
		p := cs[i].hit.Passage.Published
		if p.IsZero() {
			continue
		}
		age := max(asOf.Sub(p).Hours()/24, 0)
		cs[i].f[Recent] = 1 / (1 + age/freshDays)
	}
}
