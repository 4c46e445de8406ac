// Package arabic holds what the rest of the program knows about Arabic
// text, each in one place:
//
//   - Normalize: what a draft goes through on its way in (no byte-order
//     mark, LF line ends, presentation forms copied from PDFs mapped back
//     to letters, NFC), harakat and tatweel kept as written;
//   - Fold and FoldIndex: what lets a search or a lenient diff see «أحكام»
//     and «احكام» as the same word: harakat (IsHaraka) and tatweel dropped,
//     the alef forms أ إ آ ٱ read as ا, alef maqsura ى as ي, digits as
//     Western digits, Latin letters in lower case. Taa marbuta ة is not
//     folded: «الطبيعة» and «الطبيعه» are different words to a search;
//   - SearchFold and SearchFoldIndex: Fold, and for a search only the
//     hamza on its seats ؤ ئ read as the hamza on the line ء, so that
//     «اعضاء» finds «أعضاؤها» and «أعضائها»;
//   - DigitValue and EasternDigit: the digit shapes a draft may use,
//     Western 0–9, Eastern Arabic ٠–٩ and Persian ۰–۹;
//   - IsWordRune, WordEnd and NextWord: what a word is, for the word diffs
//     (their tokens and the counts of changed words) and for a search
//     result's context alike: a run of letters with their harakat, tatweel
//     and zero-width joiners, or a number with its inner separators
//     («18.09», «١٠٬٠٠٠»). White space and punctuation lie between words.
//     Where a displayed line may break (package ui/rtl, at white space) is
//     another matter.
package arabic
