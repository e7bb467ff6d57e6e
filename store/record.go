package store

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// Article records are JSON deflated behind a one-byte tag. An article is
// always read whole, and its JSON (mostly the text) shrinks about 2× at
// flate's fastest level: 2.19× at level 5 but at half the speed, which
// ingest pays for every article and the size hardly notices (the index is
// most of a data folder). Schema 1 stored plain JSON, which starts with
// '{'; decodeRecord reads both, so records are rewritten compressed only
// when they change.
const (
	tagFlate   = 0x01
	flateLevel = flate.BestSpeed
)

// A flate writer allocates about 1 MB, a reader about 40 KB: reuse them.
var (
	flateWriters = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flateLevel) // fails only for a bad level
		return w
	}}
	flateReaders = sync.Pool{New: func() any { return flate.NewReader(nil) }}
)

// encodeRecord is rec as stored.
func encodeRecord(rec record) ([]byte, error) {
	js, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", rec.ID, err)
	}
	var buf bytes.Buffer
	buf.Grow(len(js)/2 + 64)
	buf.WriteByte(tagFlate)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(js); err != nil {
		return nil, fmt.Errorf("encode article %s: %w", rec.ID, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("encode article %s: %w", rec.ID, err)
	}
	return buf.Bytes(), nil
}

// decodeRecord reads a record stored under key k, compressed or not.
func decodeRecord(k, v []byte) (record, error) {
	js := v
	switch {
	case len(v) > 0 && v[0] == tagFlate:
		var err error
		if js, err = inflate(v[1:]); err != nil {
			return record{}, fmt.Errorf("decode article %s: %w", k, err)
		}
	case len(v) == 0 || v[0] != '{':
		return record{}, fmt.Errorf("decode article %s: unknown encoding (starts %q)", k, v[:min(len(v), 8)])
	}
	var rec record
	if err := json.Unmarshal(js, &rec); err != nil {
		return record{}, fmt.Errorf("decode article %s: %w", k, err)
	}
	return rec, nil
}

func inflate(b []byte) ([]byte, error) {
	r := flateReaders.Get().(io.ReadCloser)
	defer flateReaders.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(b), nil); err != nil {
		return nil, err
	}
	out := bytes.NewBuffer(make([]byte, 0, 3*len(b)))
	if _, err := out.ReadFrom(r); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// putRecord stores rec in the articles bucket.
func putRecord(b *bolt.Bucket, rec record) error {
	v, err := encodeRecord(rec)
	if err != nil {
		return err
	}
	return b.Put([]byte(rec.ID), v)
}
