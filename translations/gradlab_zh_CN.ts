<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliText</name>
    <message>
        <location filename="../app/cli/cli.cpp" line="66"/>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="71"/>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="94"/>
        <source>%1: expected a number, got &quot;%2&quot;</source>
        <translation>%1：应为数值，实际为 "%2"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="104"/>
        <source>%1: expected a whole number, got &quot;%2&quot;</source>
        <translation>%1：应为整数，实际为 "%2"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="138"/>
        <source>unknown example &quot;%1&quot; (there is: tutorial)</source>
        <translation>未知示例 "%1"（可用的示例：tutorial）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="140"/>
        <source>one project at a time, got: %1</source>
        <translation>一次只能指定一个项目，实际给出：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="142"/>
        <source>give either a project or --example tutorial, not both</source>
        <translation>请指定项目或 --example tutorial，二者不能同时使用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="145"/>
        <source>no project given (name a .gradlab file, or use --example tutorial)</source>
        <translation>未指定项目（请给出 .gradlab 文件，或使用 --example tutorial）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="160"/>
        <source>--set expects KEY=VALUE, got &quot;%1&quot;</source>
        <translation>--set 的参数应为 KEY=VALUE，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="163"/>
        <source>--set %1: %2</source>
        <translation>--set %1：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="168"/>
        <source>--epochs: %1</source>
        <translation>--epochs：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="174"/>
        <source>--device: %1</source>
        <translation>--device：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="199"/>
        <location filename="../app/cli/cli.cpp" line="352"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="223"/>
        <source>training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="247"/>
        <source>Trained %1 epochs in %2 s</source>
        <translation>已训练 %1 轮，耗时 %2 秒</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="254"/>
        <source>   closed form %1</source>
        <translation>   闭式解 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="258"/>
        <source>  train loss %1, validation loss %2</source>
        <translation>  训练损失 %1，验证损失 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="260"/>
        <source>  closed form: train loss %1, validation loss %2, R² %3</source>
        <translation>  闭式解：训练损失 %1，验证损失 %2，R² %3</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="301"/>
        <source>fit needs one CSV file</source>
        <translation>fit 需要一个 CSV 文件</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="313"/>
        <source>--degree: expected 1 to 20</source>
        <translation>--degree：应为 1 到 20 之间的整数</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="335"/>
        <source>%1 observations, rank %2</source>
        <translation>%1 个观测值，秩为 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="336"/>
        <source>coefficient</source>
        <translation>系数</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="336"/>
        <source>estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="336"/>
        <source>std. error</source>
        <translation>标准误</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="336"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="336"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="346"/>
        <source>R² %1, adjusted R² %2, residual standard error %3</source>
        <translation>R² %1，调整后 R² %2，残差标准误 %3</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="359"/>
        <source>generate needs -o FILE.csv</source>
        <translation>generate 需要 -o FILE.csv</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="378"/>
        <source>Wrote %1 rows to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="385"/>
        <source>graph needs -o FILE.dot</source>
        <translation>graph 需要 -o FILE.dot</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="389"/>
        <source>--of: expected yhat, error or loss, got &quot;%1&quot;</source>
        <translation>--of：应为 yhat、error 或 loss，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="408"/>
        <source>Wrote the graph of %1 to %2</source>
        <translation>已将 %1 的计算图写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="415"/>
        <source>export-script needs -o SCRIPT.py</source>
        <translation>export-script 需要 -o SCRIPT.py</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="420"/>
        <source>Wrote the PyTorch script to %1</source>
        <translation>已将 PyTorch 脚本写入 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="429"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="430"/>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="430"/>
        <source>not usable: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="437"/>
        <source>usage:
  gradlab-cli train [PROJECT | --example tutorial] [--set KEY=VALUE]... [--epochs N] [--device cpu|cuda[:N]]
                    [--json] [--export-params F] [--export-history F] [--export-plot F] [--export-loss-plot F]
                    [--save PROJECT]
  gradlab-cli fit CSV [--features x1,x2] [--target y] [--degree D] [--json]
  gradlab-cli generate [--n N] [--a A] [--b B] [--noise S] [--seed K] [--features K] -o CSV
  gradlab-cli export-script (PROJECT | --example tutorial) -o SCRIPT.py
  gradlab-cli graph (PROJECT | --example tutorial) [--of yhat|error|loss] -o GRAPH.dot
  gradlab-cli devices</source>
        <translation>用法：
  gradlab-cli train [PROJECT | --example tutorial] [--set KEY=VALUE]... [--epochs N] [--device cpu|cuda[:N]]
                    [--json] [--export-params F] [--export-history F] [--export-plot F] [--export-loss-plot F]
                    [--save PROJECT]
  gradlab-cli fit CSV [--features x1,x2] [--target y] [--degree D] [--json]
  gradlab-cli generate [--n N] [--a A] [--b B] [--noise S] [--seed K] [--features K] -o CSV
  gradlab-cli export-script (PROJECT | --example tutorial) -o SCRIPT.py
  gradlab-cli graph (PROJECT | --example tutorial) [--of yhat|error|loss] -o GRAPH.dot
  gradlab-cli devices</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="472"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="474"/>
        <source>gradlab-cli: %1</source>
        <translation>gradlab-cli：%1</translation>
    </message>
</context>
<context>
    <name>ConfigText</name>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="76"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="77"/>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="78"/>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="79"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="80"/>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="81"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="84"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="105"/>
        <source>unknown field (expected one of: %1)</source>
        <translation>未知字段（应为以下之一：%1）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="114"/>
        <source>missing required field</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="124"/>
        <source>expected a number, got %1</source>
        <translation>应为数值，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="140"/>
        <source>expected a whole number from %1 to %2, got %3</source>
        <translation>应为 %1 到 %2 之间的整数，实际为 %3</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="152"/>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="164"/>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="182"/>
        <source>unknown value &quot;%1&quot; (expected one of: %2)</source>
        <translation>未知的值 "%1"（应为以下之一：%2）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="191"/>
        <source>expected an array of numbers, got %1</source>
        <translation>应为数值数组，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="197"/>
        <source>expected an array of numbers, found %1 in it</source>
        <translation>应为数值数组，但其中含有 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="210"/>
        <source>expected an array of strings, got %1</source>
        <translation>应为字符串数组，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="216"/>
        <source>expected an array of strings, found %1 in it</source>
        <translation>应为字符串数组，但其中含有 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="230"/>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="266"/>
        <source>unknown value &quot;%1&quot; (expected one of: numpy)</source>
        <translation>未知的值 "%1"（应为以下之一：numpy）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="284"/>
        <source>expected true, false or null (detect), got %1</source>
        <translation>应为 true、false 或 null（自动检测），实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="291"/>
        <source>expected one character (or empty to detect), got &quot;%1&quot;</source>
        <translation>应为单个字符（留空则自动检测），实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="314"/>
        <source>expected two numbers, got %1</source>
        <translation>应为 2 个数值，实际为 %1 个</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="339"/>
        <source>expected layer sizes from 1 to 100000, got %1</source>
        <translation>层大小应为 1 到 100000 之间的整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="347"/>
        <source>unknown value &quot;%1&quot; (expected one of: relu, tanh, sigmoid)</source>
        <translation>未知的值 "%1"（应为以下之一：relu、tanh、sigmoid）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="367"/>
        <source>expected a number or an array of numbers, got %1</source>
        <translation>应为数值或数值数组，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="493"/>
        <source>this is not a GradLab project (format &quot;%1&quot;)</source>
        <translation>这不是 GradLab 项目（格式为 "%1"）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="497"/>
        <source>this project was written by a newer GradLab (file format version %1; this version reads up to %2)</source>
        <translation>此项目由更新版本的 GradLab 写入（文件格式版本 %1；当前版本最高只能读取版本 %2）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="549"/>
        <source>unknown value &quot;%1&quot; (expected one of: float32, float64)</source>
        <translation>未知的值 "%1"（应为以下之一：float32、float64）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="552"/>
        <source>unknown device &quot;%1&quot; (expected cpu, cuda or cuda:N)</source>
        <translation>未知设备 "%1"（应为 cpu、cuda 或 cuda:N）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="567"/>
        <source>%1: not a setting that can be changed</source>
        <translation>%1：不是可修改的设置项</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="599"/>
        <source>%1: not an object</source>
        <translation>%1：不是对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="623"/>
        <source>dataset.generator.n: at least 2 samples are needed to train and validate</source>
        <translation>dataset.generator.n：训练和验证至少需要 2 个样本</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="625"/>
        <source>dataset.generator.x_min must be less than x_max</source>
        <translation>dataset.generator.x_min 必须小于 x_max</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="627"/>
        <source>dataset.generator.noise: the noise level cannot be negative</source>
        <translation>dataset.generator.noise：噪声水平不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="629"/>
        <source>dataset.generator.weights: %1 features need %1 weights, got %2</source>
        <translation>dataset.generator.weights：%1 个特征需要 %1 个权重，实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="632"/>
        <source>dataset.csv.path: no CSV file is chosen</source>
        <translation>dataset.csv.path：未选择 CSV 文件</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="634"/>
        <source>dataset.csv.target: no target column is chosen</source>
        <translation>dataset.csv.target：未选择目标列</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="636"/>
        <source>dataset.csv.features: no feature column is chosen</source>
        <translation>dataset.csv.features：未选择特征列</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="639"/>
        <source>dataset.split.train_fraction must be between 0 and 1 (exclusive)</source>
        <translation>dataset.split.train_fraction 必须介于 0 和 1 之间（不含 0 和 1）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="641"/>
        <source>optimizer.lr: the learning rate must be greater than 0</source>
        <translation>optimizer.lr：学习率必须大于 0</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="643"/>
        <source>training.epochs: at least one epoch is needed</source>
        <translation>training.epochs：至少需要训练 1 轮</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="645"/>
        <source>loss.delta: Huber&apos;s delta must be greater than 0</source>
        <translation>loss.delta：Huber 损失的 delta 必须大于 0</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="647"/>
        <source>loss.beta: SmoothL1&apos;s beta cannot be negative</source>
        <translation>loss.beta：SmoothL1 损失的 beta 不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="650"/>
        <source>optimizer: momentum, dampening, weight decay, eps, lr decay and the initial accumulator cannot be negative</source>
        <translation>optimizer：动量、阻尼、权重衰减、eps、学习率衰减和累加器初始值均不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="653"/>
        <source>optimizer.betas: both must be in [0, 1)</source>
        <translation>optimizer.betas：两个值都必须在 [0, 1) 内</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="655"/>
        <source>optimizer.nesterov: Nesterov momentum requires a momentum and zero dampening</source>
        <translation>optimizer.nesterov：Nesterov 动量要求动量大于 0 且阻尼为 0</translation>
    </message>
</context>
<context>
    <name>ExperimentData</name>
    <message>
        <location filename="../model/experiment/experiment_data.cpp" line="41"/>
        <source>CSV datasets are read by the project (see Project::load)</source>
        <translation>CSV 数据集由项目读取（见 Project::load）</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../model/experiment/exports.cpp" line="41"/>
        <source>The run&apos;s %1 has %2 values but its parameters have %3</source>
        <translation>该运行的%1包含 %2 个值，但其参数共有 %3 个</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="45"/>
        <source>final parameters</source>
        <translation>最终参数</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="47"/>
        <source>closed form</source>
        <translation>闭式解</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="51"/>
        <source>history at epoch %1</source>
        <translation>第 %1 轮的历史记录</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="200"/>
        <source>The project&apos;s CSV file %1 does not exist</source>
        <translation>项目的 CSV 文件 %1 不存在</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../widgets/plot_export.cpp" line="38"/>
        <source>%1 has no extension: name the plot .png, .svg or .pdf</source>
        <translation>%1 没有扩展名：请将图保存为 .png、.svg 或 .pdf 文件</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="39"/>
        <source>Plots cannot be saved as .%1: use .png, .svg or .pdf</source>
        <translation>图不能保存为 .%1 格式：请使用 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="50"/>
        <source>Plots can only be drawn while a QApplication runs</source>
        <translation>只有在 QApplication 运行时才能绘图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="54"/>
        <source>A plot of %1 × %2 pixels cannot be drawn: each side must be 16 to 20000 pixels</source>
        <translation>无法绘制 %1 × %2 像素的图：每边必须在 16 到 20000 像素之间</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="115"/>
        <source>The plot could not be drawn for %1</source>
        <translation>无法为 %1 绘制图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="158"/>
        <source>The run&apos;s parameters do not fit its model: %1</source>
        <translation>该运行的参数与其模型不匹配：%1</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="201"/>
        <source>There is no run to plot</source>
        <translation>没有可绘制的运行</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="206"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="207"/>
        <source>Loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="207"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="229"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="229"/>
        <source>Run %1: training loss</source>
        <translation>运行 %1：训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="233"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="233"/>
        <source>Run %1: validation loss</source>
        <translation>运行 %1：验证损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="239"/>
        <source>There is nothing to plot: no run has a positive, finite loss</source>
        <translation>没有可绘制的内容：没有任何运行的损失为正的有限值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="240"/>
        <source>There is nothing to plot: no run has a finite loss</source>
        <translation>没有可绘制的内容：没有任何运行的损失为有限值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="252"/>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="261"/>
        <source>The data plot shows one feature against the target; this dataset has %1 features</source>
        <translation>数据图只能展示单个特征与目标的关系；此数据集有 %1 个特征</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="265"/>
        <source>There is no data to plot</source>
        <translation>没有可绘制的数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="291"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="292"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="293"/>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="294"/>
        <source>Validation data</source>
        <translation>验证数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="295"/>
        <source>Trained model</source>
        <translation>训练后的模型</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="297"/>
        <source>Closed form (least squares)</source>
        <translation>闭式解（最小二乘）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="305"/>
        <source>Data and fitted model</source>
        <translation>数据与拟合模型</translation>
    </message>
</context>
<context>
    <name>ProjectText</name>
    <message>
        <location filename="../model/experiment/project.cpp" line="106"/>
        <source>: expected %1 number(s)</source>
        <translation>：应为 %1 个数值</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="132"/>
        <source>.layout: each entry needs a name and a size</source>
        <translation>.layout：每一项都需要名称和大小</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="147"/>
        <source>.history: its columns have different lengths</source>
        <translation>.history：各列长度不一致</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="159"/>
        <source>.history.params[%1]: expected %2 values</source>
        <translation>.history.params[%1]：应为 %2 个值</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="208"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="219"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="261"/>
        <source>%1 is not a GradLab project: not valid JSON at byte %2 (%3)</source>
        <translation>%1 不是 GradLab 项目：第 %2 字节处不是有效的 JSON（%3）</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="268"/>
        <source>%1 is not a GradLab project: the JSON is not an object</source>
        <translation>%1 不是 GradLab 项目：其 JSON 不是对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="283"/>
        <source>runs: expected an array</source>
        <translation>runs：应为数组</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="289"/>
        <source>runs[%1]: expected an object</source>
        <translation>runs[%1]：应为对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="304"/>
        <location filename="../model/experiment/project.cpp" line="355"/>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="323"/>
        <source>The project&apos;s CSV file %1 does not exist</source>
        <translation>项目的 CSV 文件 %1 不存在</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="333"/>
        <source>%1 has changed since the project was saved; the new data is used</source>
        <translation>%1 在项目保存后已被修改；将使用新数据</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="365"/>
        <source>%1 has %2 rows; only files of at most %3 rows can be embedded in a project</source>
        <translation>%1 有 %2 行；只有不超过 %3 行的文件才能嵌入项目</translation>
    </message>
</context>
<context>
    <name>TrainerText</name>
    <message>
        <location filename="../model/experiment/trainer.cpp" line="132"/>
        <source>The loss became NaN at epoch %1, so training stopped and the last finite parameters were kept. Try a smaller learning rate than %2.</source>
        <translation>第 %1 轮时损失变为 NaN，训练已停止，并保留了最后一组有限的参数。请尝试小于 %2 的学习率。</translation>
    </message>
    <message>
        <location filename="../model/experiment/trainer.cpp" line="134"/>
        <source>The loss became infinite at epoch %1, so training stopped and the last finite parameters were kept. Try a smaller learning rate than %2.</source>
        <translation>第 %1 轮时损失变为无穷大，训练已停止，并保留了最后一组有限的参数。请尝试小于 %2 的学习率。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="19"/>
        <source>ready</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="20"/>
        <source>GradLab was built without CUDA</source>
        <translation>GradLab 构建时未启用 CUDA</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="21"/>
        <source>no usable NVIDIA driver (missing, or older than the CUDA runtime)</source>
        <translation>没有可用的 NVIDIA 驱动（未安装，或版本低于 CUDA 运行时）</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="22"/>
        <source>no CUDA device found</source>
        <translation>未找到 CUDA 设备</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="23"/>
        <source>this version of GradLab has no CUDA kernels yet</source>
        <translation>此版本的 GradLab 尚无 CUDA 内核</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="26"/>
        <source>CUDA error: %1</source>
        <translation>CUDA 错误：%1</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="51"/>
        <source>GradLab %1: the tutorial&apos;s experiment, trained by GradLab&apos;s autograd engine</source>
        <translation>GradLab %1：教程中的实验，由 GradLab 的自动求导引擎训练</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="54"/>
        <source>Data: y = 1 + 2x + 0.1 noise, %1 training and %2 validation samples</source>
        <translation>数据：y = 1 + 2x + 0.1 噪声，%1 个训练样本和 %2 个验证样本</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="58"/>
        <source>Model: yhat = a + b*x; loss: MSE (mean); optimizer: SGD, lr %1; %2 epochs on the CPU, float32</source>
        <translation>模型：yhat = a + b*x；损失：MSE（均值）；优化器：SGD，学习率 %1；在 CPU 上训练 %2 轮，float32</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="64"/>
        <source>Device %1 is not used: %2</source>
        <translation>未使用设备 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="76"/>
        <source>Initial parameters (torch.manual_seed(42)): a = %1, b = %2</source>
        <translation>初始参数（torch.manual_seed(42)）：a = %1，b = %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="80"/>
        <source>Trained parameters: a = %1, b = %2</source>
        <translation>训练后的参数：a = %1，b = %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="85"/>
        <source>Closed form (least squares): a = %1, b = %2</source>
        <translation>闭式解（最小二乘）：a = %1，b = %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="89"/>
        <source>Final training loss %1, validation loss %2</source>
        <translation>最终训练损失 %1，验证损失 %2</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="93"/>
        <source>Training took %1 ms</source>
        <translation>训练耗时 %1 毫秒</translation>
    </message>
</context>
</TS>
