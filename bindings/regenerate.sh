#!/usr/bin/env bash
# Regenerates the committed FFM bindings for llama.h with jextract.
#
#   bindings/regenerate.sh JEXTRACT_CLASSES LIBCLANG_DIR [LLAMA_SRC]
#
# jextract is not committed and no registry ships it: compile openjdk/jextract's src/main/java
# with plain javac (JDK 25) into JEXTRACT_CLASSES, e.g.
#   javac -d /opt/jextract/classes $(find src/main/java -name '*.java') && cp -r src/main/resources/* /opt/jextract/classes/
# LIBCLANG_DIR holds a link libclang.so -> libclang-14.so.1 (Debian: libclang1-14, plus
# libclang-common-14-dev for clang's builtin headers such as stdbool.h). libclang 19 emits code
# that does not compile.
# LLAMA_SRC defaults to the source tree native/build.sh cloned into the cache.
#
# Only the symbols the engine uses are kept: the whole header clashes on ggml_backend_graph_copy.
# To add one, find its exact option in `--dump-includes` output and add it to the lists below.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/jdk.sh"
classes=${1:?jextract classes directory}
libclang=${2:?directory holding libclang.so}
cache=${LMSCORE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lmscore}
src=${3:-$cache/llama.cpp/0.5.0/src}
clang_include=$(ls -d /usr/lib/llvm-14/lib/clang/*/include | head -1)

functions=(
  llama_backend_init llama_backend_free llama_log_set llama_print_system_info
  llama_max_devices llama_supports_gpu_offload llama_supports_mmap
  llama_model_default_params llama_model_load_from_file llama_model_free
  llama_context_default_params llama_init_from_model llama_free
  llama_model_get_vocab llama_model_n_ctx_train llama_model_n_embd llama_model_n_layer llama_model_n_head
  llama_model_n_head_kv llama_model_desc llama_model_size llama_model_n_params llama_model_has_encoder
  llama_model_has_decoder llama_model_is_recurrent
  llama_model_meta_count llama_model_meta_key_by_index llama_model_meta_val_str_by_index llama_model_meta_val_str
  llama_n_ctx llama_n_ctx_seq llama_n_batch llama_n_ubatch llama_n_seq_max llama_n_threads llama_get_model
  llama_get_memory llama_memory_clear llama_memory_seq_rm llama_memory_seq_cp llama_memory_seq_keep llama_memory_seq_pos_max
  llama_batch_init llama_batch_free llama_decode llama_synchronize llama_get_logits llama_get_logits_ith
  llama_set_n_threads llama_set_warmup llama_set_abort_callback llama_attach_threadpool llama_detach_threadpool
  ggml_threadpool_params_default ggml_threadpool_new ggml_threadpool_free
  llama_vocab_type llama_vocab_n_tokens llama_vocab_get_text llama_vocab_get_score llama_vocab_get_attr
  llama_vocab_bos llama_vocab_eos llama_vocab_get_add_bos llama_vocab_get_add_eos llama_vocab_is_control
  llama_tokenize llama_token_to_piece llama_detokenize
  llama_perf_context llama_perf_context_reset
  ggml_backend_dev_count ggml_backend_dev_get ggml_backend_dev_name ggml_backend_dev_description ggml_backend_dev_type
)
structs=(llama_model_params llama_context_params llama_batch llama_perf_context_data ggml_threadpool_params)
typedefs=(llama_token llama_pos llama_seq_id ggml_abort_callback ggml_log_callback llama_progress_callback
  ggml_backend_sched_eval_callback ggml_backend_dev_t llama_memory_t ggml_threadpool_t)
constants=(
  LLAMA_FLASH_ATTN_TYPE_AUTO LLAMA_FLASH_ATTN_TYPE_DISABLED LLAMA_FLASH_ATTN_TYPE_ENABLED
  GGML_TYPE_F32 GGML_TYPE_F16 GGML_TYPE_BF16 GGML_TYPE_Q8_0 GGML_TYPE_Q4_0
  LLAMA_VOCAB_TYPE_NONE LLAMA_VOCAB_TYPE_SPM LLAMA_VOCAB_TYPE_BPE LLAMA_VOCAB_TYPE_WPM LLAMA_VOCAB_TYPE_UGM
  LLAMA_VOCAB_TYPE_RWKV LLAMA_VOCAB_TYPE_PLAMO2
  LLAMA_TOKEN_ATTR_UNKNOWN LLAMA_TOKEN_ATTR_NORMAL LLAMA_TOKEN_ATTR_CONTROL LLAMA_TOKEN_ATTR_BYTE
  LLAMA_TOKEN_ATTR_USER_DEFINED LLAMA_TOKEN_NULL
  GGML_LOG_LEVEL_NONE GGML_LOG_LEVEL_DEBUG GGML_LOG_LEVEL_INFO GGML_LOG_LEVEL_WARN GGML_LOG_LEVEL_ERROR GGML_LOG_LEVEL_CONT
  GGML_BACKEND_DEVICE_TYPE_CPU GGML_BACKEND_DEVICE_TYPE_GPU GGML_BACKEND_DEVICE_TYPE_IGPU GGML_BACKEND_DEVICE_TYPE_ACCEL
)
args=()
for f in "${functions[@]}"; do args+=(--include-function "$f"); done
for s in "${structs[@]}"; do args+=(--include-struct "$s"); done
for t in "${typedefs[@]}"; do args+=(--include-typedef "$t"); done
for c in "${constants[@]}"; do args+=(--include-constant "$c"); done

out="$here/bindings/src/main/java"
rm -rf "$out/dev/lmscore/llama"
# No --library: the generated code looks symbols up in the libraries that NativeLibraries loaded.
"$JAVA_HOME/bin/java" --enable-native-access=org.openjdk.jextract -Djava.library.path="$libclang" \
  -p "$classes" -m org.openjdk.jextract/org.openjdk.jextract.JextractTool \
  -I "$clang_include" -I "$src/include" -I "$src/ggml/include" \
  -t dev.lmscore.llama --header-class-name Llama --output "$out" \
  "${args[@]}" "$src/include/llama.h"
echo "bindings regenerated into $out/dev/lmscore/llama"
