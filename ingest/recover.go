package ingest

import (
	"fmt"
	"runtime/debug"

	"storybot/article"
)

// PanicError is a panic recovered while ingesting one item (a page, a file,
// a feed) or one source: that item fails, the run carries on.
type PanicError struct {
	Where string // the item's URL or path
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("ingest: panic on %s: %v", e.Where, e.Value)
}

// catch turns a panic in the calling function into a *PanicError in *err.
// Use it deferred, at the boundary of one item's work.
func catch(err *error, where string) {
	if v := recover(); v != nil {
		*err = &PanicError{Where: where, Value: v, Stack: debug.Stack()}
	}
}

// cut is Passages that returns a panic (a bug on odd text in attribution
// or splitting) as that article's error.
func cut(a article.Article) (ps []article.Passage, err error) {
	defer catch(&err, a.URL)
	return Passages(a), nil
}
