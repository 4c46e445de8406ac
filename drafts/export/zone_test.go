package export

// WriteIn is Write with Word's revision dates written as wall times in a
// zone the test chooses, rather than the machine's.
var WriteIn = write
