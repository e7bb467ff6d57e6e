package answer

import (
	"time"

	"storybot/question"
)

// freshDays is the age, in days behind the newest candidate, at which a
// story's freshness bonus has halved.
const freshDays = 30

// addRecency lifts, for questions about recent events ("this week",
// "recently", "announced"), passages of dated stories, the newest most: a
// story whose date is unknown cannot be shown to be recent. Age counts from
// the newest candidate, not the clock, so an archive answers as it would
// have on the day its newest story ran.
func addRecency(q question.Question, rs []ranked) {
	if !q.Recent {
		return
	}
	var newest time.Time
	for _, r := range rs {
		if p := r.hit.Passage.Published; p.After(newest) {
			newest = p
		}
	}
	if newest.IsZero() {
		return
	}
	for i := range rs {
		p := rs[i].hit.Passage.Published
		if p.IsZero() {
			continue
		}
		age := newest.Sub(p).Hours() / 24
		rs[i].score += weights.dated + weights.fresh/(1+age/freshDays)
	}
}
