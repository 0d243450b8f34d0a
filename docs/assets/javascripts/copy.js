// 复制本节 / 复制全文 / 复制提纲 buttons (see issue 5).
