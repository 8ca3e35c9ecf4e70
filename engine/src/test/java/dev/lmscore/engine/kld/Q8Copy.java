package dev.lmscore.engine.kld;

import dev.lmscore.engine.gguf.GgmlType;
import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufReader;
import dev.lmscore.engine.gguf.GgufTensorInfo;
import dev.lmscore.engine.gguf.GgufTensorSource;
import dev.lmscore.engine.gguf.GgufWriter;
import dev.lmscore.engine.gguf.TensorEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A Q8_0 quantization of an F32 model (same vocabulary, slightly different outputs): the matrices whose rows allow it. */
final class Q8Copy {
    private Q8Copy() {}

    static Path of(Path original, Path target) throws IOException {
        GgufFile model = GgufReader.read(original);
        GgufWriter writer = new GgufWriter().putAll(model.metadata().asMap());
        try (FileChannel channel = FileChannel.open(original, StandardOpenOption.READ)) {
            for (GgufTensorInfo t : model.tensors()) {
                ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, model.dataOffset(t), t.byteSize())
                        .order(ByteOrder.LITTLE_ENDIAN);
                if (t.type() == GgmlType.F32 && t.rank() == 2 && t.rowLength() % 32 == 0) {
                    float[] values = new float[(int) t.elementCount()];
                    TensorEncoding.decode(GgmlType.F32, data.duplicate().order(ByteOrder.LITTLE_ENDIAN), values, 0, values.length);
                    int[] next = {0};
                    writer.addTensor(t.name(), GgmlType.Q8_0, t.shape(), GgufTensorSource.ofFloats((tensor, chunk, count) -> {
                        System.arraycopy(values, next[0], chunk, 0, count);
                        next[0] += count;
                    }));
                } else {
                    writer.addTensor(t.name(), t.type(), t.shape(), GgufTensorSource.ofBytes(data));
                }
            }
            writer.write(target);
        }
        return target;
    }
}
