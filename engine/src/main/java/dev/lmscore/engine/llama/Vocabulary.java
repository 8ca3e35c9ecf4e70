package dev.lmscore.engine.llama;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.llama.Llama;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A model's tokenizer, as llama.cpp implements it. Thread-safe: every call uses its own scratch
 * memory, and the lazily built tables are published once.
 */
public final class Vocabulary {
    /** SentencePiece's visible space. */
    private static final String SPM_SPACE = "\u2581";
    /** BPE pre-tokenizers (GGUF tokenizer.ggml.pre) whose line-aligned pieces are tested against whole texts. */
    private static final Set<String> BPE_SPLIT_PRE_TOKENIZERS = Set.of("gpt-2", "starcoder", "deepseek-llm");

    private final Model model;
    private final MemorySegment vocab;
    private final int size;
    private volatile int[] pieceBytes;
    private volatile Set<String> unencodableGuard;
    private volatile LineCut lineCut;

    Vocabulary(Model model, MemorySegment vocab) {
        this.model = model;
        this.vocab = vocab;
        this.size = Llama.llama_vocab_n_tokens(vocab);
    }

    public int size() {
        return size;
    }

    public int bos() {
        return Llama.llama_vocab_bos(vocab);
    }

    public int eos() {
        return Llama.llama_vocab_eos(vocab);
    }

    /** Whether llama.cpp prepends BOS when asked to add special tokens. */
    public boolean addsBos() {
        return Llama.llama_vocab_get_add_bos(vocab);
    }

    public boolean addsEos() {
        return Llama.llama_vocab_get_add_eos(vocab);
    }

    /** "spm", "bpe", "wpm", "ugm", "rwkv", "plamo2" or "none". */
    public String type() {
        int t = Llama.llama_vocab_type(vocab);
        if (t == Llama.LLAMA_VOCAB_TYPE_SPM()) return "spm";
        if (t == Llama.LLAMA_VOCAB_TYPE_BPE()) return "bpe";
        if (t == Llama.LLAMA_VOCAB_TYPE_WPM()) return "wpm";
        if (t == Llama.LLAMA_VOCAB_TYPE_UGM()) return "ugm";
        if (t == Llama.LLAMA_VOCAB_TYPE_RWKV()) return "rwkv";
        if (t == Llama.LLAMA_VOCAB_TYPE_PLAMO2()) return "plamo2";
        return "none";
    }

    public String tokenText(int token) {
        return CStrings.read(Llama.llama_vocab_get_text(vocab, token));
    }

    /**
     * Tokenizes as llama.cpp's {@code common_tokenize} does.
     *
     * @param addSpecial   add BOS/EOS as the vocabulary asks
     * @param parseSpecial treat control-token text such as {@code <s>} as those tokens
     */
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        guardAgainstAbort(text, 0, text.length());
        return tokenizeUnguarded(text, addSpecial, parseSpecial);
    }

    /**
     * The tokens of a long text, exactly as {@link #tokenize tokenize(text, addSpecial, false)} gives
     * them, but tokenized in line-aligned pieces on up to {@code threads} threads, and only as far as
     * needed: with {@code minTokens > 0} tokenizing stops once at least that many are in.
     */
    public TextTokens tokenizeText(String text, boolean addSpecial, int minTokens, int threads) {
        return LineSplitTokenizer.tokenize(this, text, addSpecial, minTokens, threads);
    }

    int[] tokenizeUnguarded(String text, boolean addSpecial) {
        return tokenizeUnguarded(text, addSpecial, false);
    }

    private int[] tokenizeUnguarded(String text, boolean addSpecial, boolean parseSpecial) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > Integer.MAX_VALUE - 16) {
            throw LmscoreException.badInput("text of " + utf8.length + " bytes is too large for llama.cpp's tokenizer");
        }
        model.handle(); // fails clearly if the model was closed
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment textSegment = arena.allocate(utf8.length + 1L);
            MemorySegment.copy(utf8, 0, textSegment, JAVA_BYTE, 0, utf8.length);
            int capacity = utf8.length + 2;
            MemorySegment tokens = arena.allocate(JAVA_INT, capacity);
            int n = Llama.llama_tokenize(vocab, textSegment, utf8.length, tokens, capacity, addSpecial, parseSpecial);
            if (n < 0) { // more tokens than bytes can happen with special tokens added
                capacity = -n;
                tokens = arena.allocate(JAVA_INT, capacity);
                n = Llama.llama_tokenize(vocab, textSegment, utf8.length, tokens, capacity, addSpecial, parseSpecial);
            }
            if (n < 0) {
                throw new IllegalStateException("llama_tokenize failed (" + n + ")");
            }
            return tokens.asSlice(0, (long) n * Integer.BYTES).toArray(JAVA_INT);
        }
    }

    /**
     * Where a text may be cut into pieces that tokenize to the same tokens (see {@link LineSplitTokenizer}).
     * SentencePiece merges only into vocabulary entries, so a line break that no entry holds beside
     * another character is a wall: cut after any. BPE merges only inside pre-tokens; for the
     * pre-tokenizers checked against whole-text tokenization (GPT-2's and the families sharing its
     * whitespace rules) a pre-token ends after a line break that is followed by a word, or by one space
     * and a word. Either way no token that raw text matches before tokenizing (user-defined, control,
     * unknown) may hold a line break. Anything else is tokenized in one call.
     */
    LineCut lineCut() {
        LineCut cut = lineCut;
        if (cut == null) {
            cut = computeLineCut();
            lineCut = cut;
        }
        return cut;
    }

    private LineCut computeLineCut() {
        String type = type();
        boolean spm = type.equals("spm");
        boolean bpe = type.equals("bpe") && BPE_SPLIT_PRE_TOKENIZERS.contains(model.metadata().get("tokenizer.ggml.pre"));
        if (!spm && !bpe) {
            return LineCut.NONE;
        }
        int matchedInRawText = Llama.LLAMA_TOKEN_ATTR_USER_DEFINED() | Llama.LLAMA_TOKEN_ATTR_CONTROL()
                | Llama.LLAMA_TOKEN_ATTR_UNKNOWN();
        for (int t = 0; t < size; t++) {
            boolean matched = (Llama.llama_vocab_get_attr(vocab, t) & matchedInRawText) != 0;
            if (!matched && !spm) {
                continue; // a BPE vocabulary's own merges stay inside pre-tokens: no need to read its text
            }
            String text = tokenText(t);
            if (text.indexOf('\n') >= 0 && (matched || !text.equals("\n"))) {
                return LineCut.NONE;
            }
        }
        return spm ? LineCut.AFTER_LINE_BREAK : LineCut.BEFORE_WORD_AFTER_LINE_BREAK;
    }

    /** The text a token stands for, as llama.cpp renders it (special tokens render as empty). */
    public String piece(int token) {
        try (Arena arena = Arena.ofConfined()) {
            return new String(pieceBytes(arena, token), StandardCharsets.UTF_8);
        }
    }

    /** Concatenated pieces of the tokens, as bytes decoded leniently (pieces may split characters). */
    public String detokenize(int[] tokens) {
        try (Arena arena = Arena.ofConfined()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int t : tokens) {
                out.writeBytes(pieceBytes(arena, t));
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Length in bytes of each token's text: what bits-per-byte divides by. */
    public int pieceLength(int token) {
        int[] table = pieceBytes;
        if (table == null) {
            table = buildPieceLengths();
        }
        return table[token];
    }

    private synchronized int[] buildPieceLengths() {
        if (pieceBytes == null) {
            int[] table = new int[size];
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buffer = arena.allocate(256);
                for (int t = 0; t < size; t++) {
                    int n = Llama.llama_token_to_piece(vocab, t, buffer, 256, 0, false);
                    table[t] = Math.max(n, 0);
                }
            }
            pieceBytes = table;
        }
        return pieceBytes;
    }

    private byte[] pieceBytes(Arena arena, int token) {
        int capacity = 64;
        MemorySegment buffer = arena.allocate(capacity);
        int n = Llama.llama_token_to_piece(vocab, token, buffer, capacity, 0, false);
        if (n < 0) {
            capacity = -n;
            buffer = arena.allocate(capacity);
            n = Llama.llama_token_to_piece(vocab, token, buffer, capacity, 0, false);
        }
        return buffer.asSlice(0, Math.max(n, 0)).toArray(JAVA_BYTE);
    }

    /**
     * llama.cpp's SentencePiece tokenizer falls back to {@code <0xXX>} byte tokens for characters
     * that are not pieces; when the vocabulary lacks them it throws from C++ and the whole process
     * aborts. Refuse such text here, naming the character, before llama.cpp sees it.
     */
    void guardAgainstAbort(String text, int from, int to) {
        Set<String> pieces = unencodableGuard();
        if (pieces.isEmpty()) {
            return;
        }
        int line = 1;
        for (int i = 0; i < from; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            String symbol = cp == ' ' ? SPM_SPACE : new String(Character.toChars(cp));
            if (!pieces.contains(symbol)) {
                throw LmscoreException.badInput(String.format(
                        "the model's tokenizer cannot encode '%s' (U+%04X) on line %d: its vocabulary has no "
                                + "byte-fallback tokens, and llama.cpp would abort on it", symbol, cp, line));
            }
            if (cp == '\n') {
                line++;
            }
            i += Character.charCount(cp);
        }
    }

    /** Empty when the vocabulary can encode any text; else the set of its piece texts. */
    private Set<String> unencodableGuard() {
        Set<String> guard = unencodableGuard;
        if (guard == null) {
            synchronized (this) {
                if (unencodableGuard == null) {
                    unencodableGuard = buildGuard();
                }
                guard = unencodableGuard;
            }
        }
        return guard;
    }

    private Set<String> buildGuard() {
        if (!type().equals("spm")) {
            return Set.of();
        }
        Set<String> pieces = new HashSet<>(size * 2);
        for (int t = 0; t < size; t++) {
            pieces.add(tokenText(t));
        }
        for (int b = 0; b < 256; b++) {
            if (!pieces.contains(String.format("<0x%02X>", b))) {
                return pieces; // byte fallback incomplete: every character must be a piece
            }
        }
        return Set.of();
    }
}
