package drafts

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// ErrorKind classifies an Error so that callers can react without parsing
// messages: the app words its dialogs by kind, statutectl prints the
// message and exits 1 for every kind (2 is for a command it cannot read),
// and tests check that both front-ends refuse an action with the same kind.
type ErrorKind string

// The kinds of error the domain reports.
const (
	// Invalid: the input is wrong (a malformed draft, an empty proposal).
	Invalid ErrorKind = "invalid"
	// NotFound: the named draft, article or amendment does not exist.
	NotFound ErrorKind = "not_found"
	// Conflict: the request clashes with what is stored (a duplicate, a
	// submitted amendment that can no longer be edited).
	Conflict ErrorKind = "conflict"
	// Forbidden: the one asking may not do this, such as a chamber
	// withdrawing another chamber's amendment.
	Forbidden ErrorKind = "forbidden"
	// Unavailable: a resource is held elsewhere, such as a database file
	// opened by another window.
	Unavailable ErrorKind = "unavailable"
	// Internal: a bug or an unexpected failure of the machine.
	Internal ErrorKind = "internal"
)

// Error is the domain's one error type. Message is a sentence a person can
// act on; Line, when not zero, is the line of the input it refers to.
type Error struct {
	Kind    ErrorKind
	Message string
	Line    int
	Err     error // the underlying cause, for logs; may be nil
	// ID names the sentence when it was made from a Message, so that an
	// interface can say it in its user's language, while Message stays
	// English for logs and scripts; Format and Args are what Message was
	// made from (fmt verbs).
	ID     string
	Format string
	Args   []any
}

// A Message is a sentence the domain says to people, under a stable ID
// that interfaces translate it by: the English wording may be improved
// without losing its translations.
type Message struct {
	ID     string
	Format string // the English sentence, with fmt verbs
}

var (
	messagesMu sync.Mutex
	messages   []Message
)

// NewMessage declares a sentence under its ID, at package start-up, so that
// a test can check that every one has its translations (Messages).
func NewMessage(id, format string) Message {
	m := Message{ID: id, Format: format}
	messagesMu.Lock()
	defer messagesMu.Unlock()
	messages = append(messages, m)
	return m
}

// Messages lists the sentences declared by the packages linked in.
func Messages() []Message {
	messagesMu.Lock()
	defer messagesMu.Unlock()
	return slices.Clone(messages)
}

// Wrap returns an *Error of the given kind that says m with args and keeps
// err as its cause.
func (m Message) Wrap(kind ErrorKind, err error, args ...any) *Error {
	e := m.Err(kind, args...)
	e.Err = err
	return e
}

// Err returns an *Error of the given kind that says m with args.
func (m Message) Err(kind ErrorKind, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(m.Format, args...), ID: m.ID, Format: m.Format, Args: args}
}

func (e *Error) Error() string {
	msg := e.Message
	if e.Line > 0 {
		msg = fmt.Sprintf("line %d: %s", e.Line, msg)
	}
	if e.Err != nil && e.Kind == Internal {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error of the given kind with a formatted message.
func Errorf(kind ErrorKind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// LineErrorf returns an Invalid *Error that points at a line of the input.
func LineErrorf(line int, format string, args ...any) *Error {
	return &Error{Kind: Invalid, Line: line, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// Wrap returns an *Error of the given kind that keeps err as its cause.
func Wrap(kind ErrorKind, err error, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...), Err: err, Format: format, Args: args}
}

// KindOf returns the kind of err: that of the first *Error in its chain, or
// Internal for any other non-nil error, or "" for nil.
func KindOf(err error) ErrorKind {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// IsKind reports whether err is an *Error of the given kind.
func IsKind(err error, kind ErrorKind) bool {
	return err != nil && KindOf(err) == kind
}
