<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/tutorial_run.cpp" line="21"/>
        <source>The bundled tutorial dataset is missing from this build.</source>
        <translation>此版本中缺少内置的教程数据集。</translation>
    </message>
    <message>
        <location filename="../app/tutorial_run.cpp" line="37"/>
        <source>The bundled tutorial dataset is damaged at line %1.</source>
        <translation>内置的教程数据集在第 %1 行已损坏。</translation>
    </message>
    <message>
        <location filename="../app/tutorial_run.cpp" line="53"/>
        <source>The bundled tutorial split does not match its dataset.</source>
        <translation>内置的教程划分与其数据集不匹配。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="18"/>
        <source>ready</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="19"/>
        <source>GradLab was built without CUDA</source>
        <translation>GradLab 构建时未启用 CUDA</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="20"/>
        <source>no usable NVIDIA driver (missing, or older than the CUDA runtime)</source>
        <translation>没有可用的 NVIDIA 驱动（未安装，或版本低于 CUDA 运行时）</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="21"/>
        <source>no CUDA device found</source>
        <translation>未找到 CUDA 设备</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="22"/>
        <source>this version of GradLab has no CUDA kernels yet</source>
        <translation>此版本的 GradLab 尚无 CUDA 内核</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="25"/>
        <source>CUDA error: %1</source>
        <translation>CUDA 错误：%1</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="49"/>
        <source>GradLab %1: the tutorial&apos;s experiment, trained by GradLab&apos;s autograd engine</source>
        <translation>GradLab %1：教程中的实验，由 GradLab 的自动求导引擎训练</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="52"/>
        <source>Data: y = 1 + 2x + 0.1 noise, %1 training and %2 validation samples</source>
        <translation>数据：y = 1 + 2x + 0.1 噪声，%1 个训练样本和 %2 个验证样本</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="56"/>
        <source>Model: yhat = a + b*x; loss: MSE (mean); optimizer: SGD, lr %1; %2 epochs on the CPU, float32</source>
        <translation>模型：yhat = a + b*x；损失：MSE（均值）；优化器：SGD，学习率 %1；在 CPU 上训练 %2 个 epoch，float32</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="62"/>
        <source>Device %1 is not used: %2</source>
        <translation>未使用设备 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="67"/>
        <source>Initial parameters (torch.manual_seed(42)): a = %1, b = %2</source>
        <translation>初始参数（torch.manual_seed(42)）：a = %1，b = %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="71"/>
        <source>Trained parameters: a = %1, b = %2</source>
        <translation>训练后的参数：a = %1，b = %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="75"/>
        <source>Final training loss %1, validation loss %2</source>
        <translation>最终训练损失 %1，验证损失 %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="79"/>
        <source>Training took %1 ms</source>
        <translation>训练耗时 %1 毫秒</translation>
    </message>
</context>
</TS>
