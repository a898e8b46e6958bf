<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliText</name>
    <message>
        <location filename="../app/cli/cli.cpp" line="75"/>
        <source>%1 takes no value</source>
        <translation>%1 不接受取值</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="80"/>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="85"/>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="109"/>
        <source>%1: expected a number, got &quot;%2&quot;</source>
        <translation>%1：应为数值，实际为 "%2"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="121"/>
        <source>%1: expected a whole number, got &quot;%2&quot;</source>
        <translation>%1：应为整数，实际为 "%2"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="123"/>
        <source>%1: expected %2 to %3, got %4</source>
        <translation>%1：应为 %2 到 %3，实际为 %4</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="136"/>
        <source>out of memory: there is not enough memory on the CPU for this command</source>
        <translation>内存不足：CPU 上没有足够的内存执行此命令</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="165"/>
        <source>unknown example &quot;%1&quot; (there is: tutorial)</source>
        <translation>未知示例 "%1"（可用的示例：tutorial）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="167"/>
        <location filename="../app/cli/cli.cpp" line="779"/>
        <source>one project at a time, got: %1</source>
        <translation>一次只能指定一个项目，实际给出：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="169"/>
        <source>give either a project or --example tutorial, not both</source>
        <translation>请指定项目或 --example tutorial，二者不能同时使用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="172"/>
        <source>no project given (name a .gradlab file, or use --example tutorial)</source>
        <translation>未指定项目（请给出 .gradlab 文件，或使用 --example tutorial）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="187"/>
        <source>--set expects KEY=VALUE, got &quot;%1&quot;</source>
        <translation>--set 的参数应为 KEY=VALUE，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="190"/>
        <source>--set %1: %2</source>
        <translation>--set %1：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="201"/>
        <source>--epochs: %1</source>
        <translation>--epochs：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="207"/>
        <source>--device: %1</source>
        <translation>--device：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="211"/>
        <location filename="../app/cli/cli.cpp" line="279"/>
        <location filename="../app/cli/cli.cpp" line="292"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="222"/>
        <source>%1 is a folder: name a file in it</source>
        <translation>%1 是一个文件夹：请指定其中的一个文件名</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="224"/>
        <source>%1 is the data file this experiment reads: writing there would overwrite the data; choose another name</source>
        <translation>%1 是本实验读取的数据文件：写入那里会覆盖数据；请换一个名称</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="230"/>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="232"/>
        <source>%1 is not writable</source>
        <translation>%1 不可写入</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="236"/>
        <source>cannot create a file in the folder %1: %2</source>
        <translation>无法在文件夹 %1 中创建文件：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="274"/>
        <source>--linear-loss goes with --export-loss-plot F</source>
        <translation>--linear-loss 须与 --export-loss-plot F 一起使用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="294"/>
        <source>%1: %2 is the project being trained: writing there would replace it; choose another name</source>
        <translation>%1：%2 是正在训练的项目：写到那里会替换它；请换一个名称</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="298"/>
        <source>%1 and %2 name the same file, %3: give each its own</source>
        <translation>%1 和 %2 指向同一个文件 %3：请为每个输出指定各自的文件</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="324"/>
        <source>interrupted while reading the data: nothing was trained</source>
        <translation>读取数据时被中断：没有进行训练</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="328"/>
        <source>%1 (--set dataset.csv.missing=drop)</source>
        <translation>%1（--set dataset.csv.missing=drop）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="330"/>
        <location filename="../app/cli/cli.cpp" line="533"/>
        <location filename="../app/cli/cli.cpp" line="556"/>
        <location filename="../app/cli/cli.cpp" line="560"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="355"/>
        <source>training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="362"/>
        <source>interrupted: training stopped after epoch %1 of %2; the run so far is printed, saved and exported</source>
        <translation>已中断：训练在第 %1 / %2 轮之后停止；到目前为止的运行已输出、保存并导出</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="387"/>
        <source>Trained %1 epochs in %2 s</source>
        <translation>已训练 %1 轮，耗时 %2 秒</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="394"/>
        <source>   closed form %1</source>
        <translation>   闭式解 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="398"/>
        <source>  train loss %1, validation loss %2</source>
        <translation>  训练损失 %1，验证损失 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="400"/>
        <source>  closed form: train loss %1, validation loss %2, R² %3</source>
        <translation>  闭式解：训练损失 %1，验证损失 %2，R² %3</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="409"/>
        <source>warning: the closed form: %1</source>
        <translation>警告：闭式解：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="489"/>
        <source>fit needs one CSV file</source>
        <translation>fit 需要一个 CSV 文件</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="495"/>
        <source>--missing: expected error or drop, got &quot;%1&quot;</source>
        <translation>--missing：应为 error 或 drop，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="522"/>
        <source>--features: expected column names separated by commas, got &quot;%1&quot;</source>
        <translation>--features：应为以逗号分隔的列名，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="504"/>
        <source>--delimiter: expected one character or tab, got &quot;%1&quot;</source>
        <translation>--delimiter：应为单个字符或 tab，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="303"/>
        <source>--replace goes with --save PROJECT</source>
        <translation>--replace 需与 --save PROJECT 一起使用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="309"/>
        <source>--save: %1 is another project; saving would replace it and its saved runs (%2). Train that project to add a run to it, choose another name, or add --replace</source>
        <translation>--save：%1 是另一个项目；保存会替换它及其已保存的运行（%2 个）。要向该项目添加运行，请训练该项目；或换一个文件名；或加上 --replace</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="314"/>
        <source>--save: %1 exists and is not a project GradLab can read (%2); saving would replace it. Choose another name, or add --replace</source>
        <translation>--save：%1 已存在，且不是 GradLab 能读取的项目（%2）；保存会替换它。请换一个文件名，或加上 --replace</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="509"/>
        <source>--decimal: expected auto, &quot;.&quot; or &quot;,&quot;, got &quot;%1&quot;</source>
        <translation>--decimal：应为 auto、"." 或 ","，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="529"/>
        <source>%1 (--missing drop)</source>
        <translation>%1（--missing drop）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="538"/>
        <source>--level: expected a confidence level between 0 and 1 (0.9 for 90%), got &quot;%1&quot;</source>
        <translation>--level：应为 0 到 1 之间的置信水平（90% 写作 0.9），实际为“%1”</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="543"/>
        <source>--se: expected classical, hc0, hc1, hc2 or hc3, got &quot;%1&quot;</source>
        <translation>--se：应为 classical、hc0、hc1、hc2 或 hc3，实际为“%1”</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="576"/>
        <source>observations %1, rank %2</source>
        <translation>观测值 %1 个，秩为 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="579"/>
        <source>standard errors %1 (heteroskedasticity-robust): z, p and the intervals from the normal distribution, as statsmodels&apos; default for robust covariances</source>
        <translation>标准误 %1（异方差稳健）：z、p 和置信区间按正态分布计算，与 statsmodels 对稳健协方差的默认做法相同</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="586"/>
        <source>lower %1%</source>
        <translation>%1% 下限</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="586"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="587"/>
        <source>upper %1%</source>
        <translation>%1% 上限</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="594"/>
        <source>intercept</source>
        <translation>截距</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="614"/>
        <source>F %1 on %2 and %3 degrees of freedom, p %4</source>
        <translation>F %1（自由度 %2 和 %3），p %4</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="614"/>
        <source>robust Wald F %1 on %2 and %3 degrees of freedom, p %4</source>
        <translation>稳健 Wald F %1，自由度 %2 和 %3，p %4</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="618"/>
        <source>log-likelihood %1, AIC %2, BIC %3, residual sum of squares %4</source>
        <translation>对数似然 %1，AIC %2，BIC %3，残差平方和 %4</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="624"/>
        <source>Durbin–Watson %1, omnibus %2 (p %3), Jarque–Bera %4 (p %5)</source>
        <translation>Durbin–Watson %1，综合检验 %2（p %3），Jarque–Bera %4（p %5）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="628"/>
        <source>skew %1, kurtosis %2, condition number %3</source>
        <translation>偏度 %1，峰度 %2，条件数 %3</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="649"/>
        <source>--n × --features must be at most %1 values (got %2 × %3)</source>
        <translation>--n × --features 最多为 %1 个值（实际为 %2 × %3）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="689"/>
        <source>graph needs -o GRAPH.dot, GRAPH.gv, GRAPH.svg or GRAPH.png</source>
        <translation>graph 需要 -o GRAPH.dot、GRAPH.gv、GRAPH.svg 或 GRAPH.png</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="694"/>
        <source>cannot write the graph as &quot;%1&quot;: name the file .dot or .gv (Graphviz DOT), .svg or .png</source>
        <translation>无法将计算图写为“%1”：文件名须以 .dot 或 .gv（Graphviz DOT）、.svg 或 .png 结尾</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="706"/>
        <source>--of: expected yhat, error, loss or loss-manual, got &quot;%1&quot;</source>
        <translation>--of：应为 yhat、error、loss 或 loss-manual，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="717"/>
        <source>the graph can only be drawn as SVG or PNG while a QApplication runs</source>
        <translation>只有在 QApplication 运行时才能将计算图绘制为 SVG 或 PNG</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="778"/>
        <source>%1 needs a project (a .gradlab file)</source>
        <translation>%1 需要一个项目（.gradlab 文件）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="802"/>
        <source>and %1 more</source>
        <translation>以及另外 %1 个</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="803"/>
        <source>, </source>
        <comment>between a run&apos;s parameters</comment>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="830"/>
        <source>%1 has no saved runs</source>
        <translation>%1 中没有已保存的运行</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="840"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="843"/>
        <source>train loss %1</source>
        <translation>训练损失 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="843"/>
        <source>validation loss %1</source>
        <translation>验证损失 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="865"/>
        <source>--runs: expected run numbers separated by commas (1,3) or all, got &quot;%1&quot;</source>
        <translation>--runs：应为以逗号分隔的运行编号（如 1,3）或 all，实际为“%1”</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="867"/>
        <source>--runs: there is no run %1: the project has 1 run</source>
        <translation>--runs：没有运行 %1：该项目只有 1 次运行</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="868"/>
        <source>--runs: there is no run %1: the project has %2 runs (1 to %2)</source>
        <translation>--runs：没有运行 %1：该项目有 %2 次运行（1 到 %2）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="882"/>
        <source>plot needs -o FILE.png, FILE.svg or FILE.pdf</source>
        <translation>plot 需要 -o FILE.png、FILE.svg 或 FILE.pdf</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="887"/>
        <source>--what: the data and the fit are drawn one run at a time, by train --export-plot; plot draws loss or parameters</source>
        <translation>--what：数据与拟合每次只能画一次运行，请用 train --export-plot；plot 绘制 loss（损失）或 parameters（参数）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="890"/>
        <source>--what: expected loss or parameters, got &quot;%1&quot;</source>
        <translation>--what：应为 loss 或 parameters，实际为“%1”</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="892"/>
        <source>--linear-loss goes with --what loss</source>
        <translation>--linear-loss 需与 --what loss 一起使用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="895"/>
        <location filename="../app/cli/cli.cpp" line="900"/>
        <source>-o: %1</source>
        <translation>-o：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="898"/>
        <source>-o: %1 is the project being plotted: writing there would replace it; choose another name</source>
        <translation>-o：%1 是正在绘制的项目，写入会覆盖它；请换一个文件名</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="902"/>
        <source>%1 has no saved runs to plot</source>
        <translation>%1 中没有可绘制的已保存运行</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="917"/>
        <source>warning: run %1 has nothing to draw (no finished epoch with a value the plot can show): it is left out</source>
        <translation>警告：运行 %1 没有可绘制的内容（没有完成的轮具有图中可显示的值）：已略去</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="925"/>
        <source>Wrote the parameter trajectories of run %1 to %2</source>
        <translation>已将运行 %1 的参数轨迹写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="926"/>
        <source>Wrote the parameter trajectories of runs %1 to %2</source>
        <translation>已将运行 %1 的参数轨迹写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="926"/>
        <location filename="../app/cli/cli.cpp" line="934"/>
        <source>, </source>
        <comment>between run numbers</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="933"/>
        <source>Wrote the loss curves of run %1 to %2</source>
        <translation>已将运行 %1 的损失曲线写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="934"/>
        <source>Wrote the loss curves of runs %1 to %2</source>
        <translation>已将运行 %1 的损失曲线写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="947"/>
        <source>  gradlab-cli fit CSV [--features x1,x2] [--target y] [--degree D] [--delimiter C|tab] [--missing error|drop]
                  [--decimal auto|.|,] [--level 0.95] [--se classical|hc0|hc1|hc2|hc3] [--json]</source>
        <translation>  gradlab-cli fit CSV [--features x1,x2] [--target y] [--degree D] [--delimiter C|tab] [--missing error|drop]
                  [--decimal auto|.|,] [--level 0.95] [--se classical|hc0|hc1|hc2|hc3] [--json]</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="949"/>
        <source>  gradlab-cli generate [--n N] [--a A] [--b B] [--noise S] [--seed K] [--features K] -o CSV</source>
        <translation>  gradlab-cli generate [--n N] [--a A] [--b B] [--noise S] [--seed K] [--features K] -o CSV</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="950"/>
        <source>  gradlab-cli export-script (PROJECT | --example tutorial) -o SCRIPT.py</source>
        <translation>  gradlab-cli export-script (PROJECT | --example tutorial) -o SCRIPT.py</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="951"/>
        <source>  gradlab-cli graph (PROJECT | --example tutorial) [--of yhat|error|loss|loss-manual]
                    -o GRAPH.dot|GRAPH.gv|GRAPH.svg|GRAPH.png</source>
        <translation>  gradlab-cli graph (PROJECT | --example tutorial) [--of yhat|error|loss|loss-manual]
                    -o GRAPH.dot|GRAPH.gv|GRAPH.svg|GRAPH.png</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="953"/>
        <source>  gradlab-cli runs PROJECT [--json]</source>
        <translation>  gradlab-cli runs PROJECT [--json]</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="954"/>
        <source>  gradlab-cli plot PROJECT [--runs 1,3|all] [--what loss|parameters] [--linear-loss] -o FILE.png|FILE.svg|FILE.pdf</source>
        <translation>  gradlab-cli plot PROJECT [--runs 1,3|all] [--what loss|parameters] [--linear-loss] -o FILE.png|FILE.svg|FILE.pdf</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="955"/>
        <source>  gradlab-cli devices</source>
        <translation>  gradlab-cli devices</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="963"/>
        <source>usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="968"/>
        <source>  gradlab-cli COMMAND --help</source>
        <translation>  gradlab-cli COMMAND --help</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="999"/>
        <source>gradlab-cli: unknown command &apos;%1&apos; (see gradlab-cli --help)</source>
        <translation>gradlab-cli：未知命令“%1”（参见 gradlab-cli --help）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="1022"/>
        <source>unknown command &apos;%1&apos; (see gradlab-cli --help)</source>
        <translation>未知命令“%1”（参见 gradlab-cli --help）</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="585"/>
        <source>coefficient</source>
        <translation>系数</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="585"/>
        <source>estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="585"/>
        <source>std. error</source>
        <translation>标准误</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="586"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="586"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="608"/>
        <source>R² %1, adjusted R² %2, residual standard error %3</source>
        <translation>R² %1，调整后 R² %2，残差标准误 %3</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="637"/>
        <source>generate takes no file but -o FILE.csv, got: %1</source>
        <translation>generate 只接受 -o FILE.csv 指定的文件，实际收到：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="639"/>
        <source>generate needs -o FILE.csv</source>
        <translation>generate 需要 -o FILE.csv</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="658"/>
        <source>out of memory: could not allocate %1 bytes on the CPU for the %2 values of %3 rows</source>
        <translation>内存不足：无法在 CPU 上为 %3 行的 %2 个值分配 %1 字节</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="668"/>
        <source>Wrote %1 rows to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="725"/>
        <location filename="../app/cli/cli.cpp" line="742"/>
        <source>Wrote the graph of %1 to %2</source>
        <translation>已将 %1 的计算图写入 %2</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="749"/>
        <source>export-script needs -o SCRIPT.py</source>
        <translation>export-script 需要 -o SCRIPT.py</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="757"/>
        <source>Wrote the PyTorch script to %1</source>
        <translation>已将 PyTorch 脚本写入 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="764"/>
        <source>devices takes no arguments, got: %1</source>
        <translation>devices 不接受参数，实际收到：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="768"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="769"/>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="769"/>
        <source>not usable: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="837"/>
        <source>epochs %1 of %2</source>
        <translation>已训练 %1 / %2 轮</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="838"/>
        <source>epochs %1</source>
        <translation>已训练 %1 轮</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="944"/>
        <source>  gradlab-cli train [PROJECT | --example tutorial] [--set KEY=VALUE]... [--epochs N] [--device cpu|cuda[:N]]
                    [--json] [--export-params F] [--export-history F] [--export-plot F] [--export-loss-plot F]
                    [--linear-loss] [--save PROJECT [--replace]]</source>
        <translation>  gradlab-cli train [PROJECT | --example tutorial] [--set KEY=VALUE]... [--epochs N] [--device cpu|cuda[:N]]
                    [--json] [--export-params F] [--export-history F] [--export-plot F] [--export-loss-plot F]
                    [--linear-loss] [--save PROJECT [--replace]]</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="1044"/>
        <location filename="../app/cli/cli.cpp" line="1048"/>
        <source>gradlab-cli: %1</source>
        <translation>gradlab-cli：%1</translation>
    </message>
</context>
<context>
    <name>ConfigText</name>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="81"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="82"/>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="83"/>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="84"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="85"/>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="86"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="89"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="102"/>
        <source>%1: %2</source>
        <comment>a field of the file, then what is wrong with it</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="110"/>
        <source>unknown field (expected one of: %1)</source>
        <translation>未知字段（应为以下之一：%1）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="119"/>
        <source>missing required field</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="131"/>
        <source>expected a finite number, got %1</source>
        <translation>应为有限数值，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="135"/>
        <source>expected a number, got &quot;%1&quot;</source>
        <translation>应为数值，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="139"/>
        <source>expected a number, got %1</source>
        <translation>应为数值，实际为%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="155"/>
        <source>expected a whole number from %1 to %2, got %3</source>
        <translation>应为 %1 到 %2 之间的整数，实际为 %3</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="167"/>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="179"/>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="197"/>
        <source>unknown value &quot;%1&quot; (expected one of: %2)</source>
        <translation>未知的值 "%1"（应为以下之一：%2）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="206"/>
        <source>expected an array of numbers, got %1</source>
        <translation>应为数值数组，实际为%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="212"/>
        <source>expected an array of numbers, found %1 in it</source>
        <translation>应为数值数组，但其中含有%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="225"/>
        <source>expected an array of strings, got %1</source>
        <translation>应为字符串数组，实际为%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="231"/>
        <source>expected an array of strings, found %1 in it</source>
        <translation>应为字符串数组，但其中含有%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="245"/>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="281"/>
        <source>unknown value &quot;%1&quot; (expected one of: numpy)</source>
        <translation>未知的值 "%1"（应为以下之一：numpy）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="299"/>
        <source>expected true, false or null (detect), got %1</source>
        <translation>应为 true、false 或 null（自动检测），实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="308"/>
        <source>expected &quot;auto&quot;, &quot;.&quot; or &quot;,&quot;, got &quot;%1&quot;</source>
        <translation>应为 "auto"、"." 或 ","，实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="314"/>
        <source>expected one character (or empty to detect), got &quot;%1&quot;</source>
        <translation>应为单个字符（留空则自动检测），实际为 "%1"</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="337"/>
        <source>expected two numbers, got %1</source>
        <translation>应为 2 个数值，实际为 %1 个</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="362"/>
        <source>expected layer sizes from 1 to 100000, got %1</source>
        <translation>层大小应为 1 到 100000 之间的整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="370"/>
        <source>unknown value &quot;%1&quot; (expected one of: relu, tanh, sigmoid)</source>
        <translation>未知的值 "%1"（应为以下之一：relu、tanh、sigmoid）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="390"/>
        <source>expected a number or an array of numbers, got %1</source>
        <translation>应为数值或数值数组，实际为 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="531"/>
        <source>this is not a GradLab project (format &quot;%1&quot;)</source>
        <translation>这不是 GradLab 项目（格式为 "%1"）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="535"/>
        <source>this project was written by a newer GradLab (file format version %1; this version reads up to %2)</source>
        <translation>此项目由更新版本的 GradLab 写入（文件格式版本 %1；当前版本最高只能读取版本 %2）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="588"/>
        <source>unknown value &quot;%1&quot; (expected one of: float32, float64)</source>
        <translation>未知的值 "%1"（应为以下之一：float32、float64）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="591"/>
        <source>unknown device &quot;%1&quot; (expected cpu, cuda or cuda:N)</source>
        <translation>未知设备 "%1"（应为 cpu、cuda 或 cuda:N）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="606"/>
        <source>%1: not a setting that can be changed</source>
        <translation>%1：不是可修改的设置项</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="624"/>
        <source>%1: %2 is out of range for a double (too close to zero: the smallest is about 4.9e-324)</source>
        <translation>%1：%2 超出双精度浮点数的范围（太接近零：最小约为 4.9e-324）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="625"/>
        <source>%1: %2 is out of range for a double (whose magnitude is at most about 1.8e308)</source>
        <translation>%1：%2 超出双精度浮点数的范围（绝对值最大约为 1.8e308）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="654"/>
        <source>%1: not an object</source>
        <translation>%1：不是对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="680"/>
        <source>At least 2 samples (n) are needed to train and validate</source>
        <translation>训练和验证至少需要 2 个样本（n）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="682"/>
        <source>x min must be less than x max</source>
        <translation>x 最小值必须小于 x 最大值</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="684"/>
        <source>The noise σ cannot be negative</source>
        <translation>噪声 σ 不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="687"/>
        <source>%1 features need %1 weights, got %2</source>
        <translation>%1 个特征需要 %1 个权重，实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="690"/>
        <source>No CSV file is chosen</source>
        <translation>尚未选择 CSV 文件</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="692"/>
        <source>No target column is chosen</source>
        <translation>尚未选择目标列</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="694"/>
        <source>No feature column is chosen</source>
        <translation>尚未选择特征列</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="697"/>
        <source>The train fraction must be between 0 and 1 (exclusive)</source>
        <translation>训练集比例必须介于 0 和 1 之间（不含 0 和 1）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="699"/>
        <source>The learning rate must be greater than 0</source>
        <translation>学习率必须大于 0</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="701"/>
        <source>At least one epoch is needed</source>
        <translation>至少需要训练 1 轮</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="703"/>
        <source>Huber&apos;s delta must be greater than 0</source>
        <translation>Huber 损失的 delta 必须大于 0</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="705"/>
        <source>SmoothL1&apos;s beta cannot be negative</source>
        <translation>SmoothL1 损失的 beta 不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="715"/>
        <source>The initial value of %1, %2, does not fit in %3 (whose largest magnitude is about %4)</source>
        <translation>%1 的初始值 %2 超出了 %3 的范围（其最大绝对值约为 %4）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="720"/>
        <source>The initial value of %1 must be a finite number, not %2</source>
        <translation>%1 的初始值必须是有限数值，而不是 %2</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="728"/>
        <source>Momentum is %1; it cannot be negative</source>
        <translation>动量为 %1；它不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="730"/>
        <source>Dampening is %1; it cannot be negative</source>
        <translation>阻尼为 %1；它不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="732"/>
        <source>Weight decay is %1; it cannot be negative</source>
        <translation>权重衰减为 %1；它不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="734"/>
        <source>Eps is %1; it cannot be negative</source>
        <translation>Eps 为 %1；它不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="736"/>
        <source>Learning rate decay is %1; it cannot be negative</source>
        <translation>学习率衰减为 %1；它不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="738"/>
        <source>Alpha is %1; it cannot be negative</source>
        <translation>Alpha 为 %1；它不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="741"/>
        <source>The initial accumulator value is %1; it cannot be negative</source>
        <translation>累加器初始值为 %1；它不能为负</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="744"/>
        <source>The betas are %1 and %2; both must be in [0, 1)</source>
        <translation>betas 为 %1 和 %2；两者都必须在 [0, 1) 内</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_config.cpp" line="746"/>
        <source>Nesterov momentum requires a momentum and zero dampening</source>
        <translation>Nesterov 动量要求动量大于 0 且阻尼为 0</translation>
    </message>
</context>
<context>
    <name>CurvesText</name>
    <message>
        <location filename="../model/experiment/curves.cpp" line="96"/>
        <source>The model has %1 parameter values; %2 were given</source>
        <translation>模型有 %1 个参数值，但给出了 %2 个</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="100"/>
        <source>%1 feature values do not make rows of %2 features</source>
        <translation>%1 个特征值无法组成每行 %2 个特征的若干行</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="122"/>
        <source>The parameters do not fit the model: %1</source>
        <translation>参数与模型不匹配：%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="131"/>
        <source>The loss landscape needs training rows; there are none</source>
        <translation>损失曲面需要训练数据行，但当前没有</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="138"/>
        <source>The model cannot take this data: %1</source>
        <translation>模型无法使用此数据：%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="143"/>
        <source>The loss landscape is drawn over two parameters; this model has %1 parameter values</source>
        <translation>损失曲面基于两个参数绘制；此模型有 %1 个参数值</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="147"/>
        <source>The loss landscape needs a finite centre for both parameters</source>
        <translation>损失曲面要求两个参数的中心均为有限值</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="151"/>
        <source>The loss landscape needs a positive, finite width on both axes</source>
        <translation>损失曲面要求两个轴上的宽度均为正的有限值</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="155"/>
        <source>The loss landscape needs 2 to 2001 steps per axis, not %1</source>
        <translation>损失曲面每个轴需要 2 到 2001 步，而不是 %1 步</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="228"/>
        <source>The loss cannot be evaluated: %1</source>
        <translation>无法计算损失：%1</translation>
    </message>
    <message>
        <location filename="../model/experiment/curves.cpp" line="245"/>
        <source>The loss is not finite anywhere on the grid: the data has values that are not numbers</source>
        <translation>损失在网格上处处不是有限值：数据中含有非数值</translation>
    </message>
</context>
<context>
    <name>ExperimentData</name>
    <message>
        <location filename="../model/experiment/experiment_data.cpp" line="31"/>
        <source>dataset: out of memory: could not allocate %1 bytes on the CPU for the %2 values of %3 rows × %4 columns</source>
        <translation>数据集：内存不足：无法在 CPU 上为 %3 行 × %4 列的 %2 个值分配 %1 字节</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_data.cpp" line="75"/>
        <source>CSV datasets are read by the project (see Project::load)</source>
        <translation>CSV 数据集由项目读取（见 Project::load）</translation>
    </message>
    <message>
        <location filename="../model/experiment/experiment_data.cpp" line="82"/>
        <source>Generating the data was cancelled</source>
        <translation>已取消生成数据</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../model/experiment/exports.cpp" line="44"/>
        <source>The run&apos;s %1 has %2 values but its parameters have %3</source>
        <translation>该运行的%1包含 %2 个值，但其参数共有 %3 个</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="48"/>
        <source>final parameters</source>
        <translation>最终参数</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="50"/>
        <source>closed form</source>
        <translation>闭式解</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="54"/>
        <source>history at epoch %1</source>
        <translation>第 %1 轮的历史记录</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="240"/>
        <source>The project&apos;s CSV file %1 does not exist</source>
        <translation>项目的 CSV 文件 %1 不存在</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="254"/>
        <source>The project&apos;s CSV data has no column named “%1”</source>
        <translation>项目的 CSV 数据中没有名为“%1”的列</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="269"/>
        <source>The tutorial&apos;s synthetic data, drawn from NumPy&apos;s legacy random stream.</source>
        <translation>教程中的合成数据，由 NumPy 旧版随机数流生成。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="284"/>
        <source>x @ W summed left to right, as GradLab sums it (BLAS may round differently).</source>
        <translation>x @ W 按从左到右的顺序求和，与 GradLab 的求和方式相同（BLAS 的舍入可能不同）。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="290"/>
        <location filename="../model/experiment/exports.cpp" line="388"/>
        <source>Train/validation split.</source>
        <translation>训练集/验证集划分。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="292"/>
        <source>continues the stream that drew the data, as the tutorial does</source>
        <translation>与教程一样，沿用生成数据的那个随机数流</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="338"/>
        <source>The CSV data, read as GradLab reads it.</source>
        <translation>CSV 数据，按 GradLab 的方式读取。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="352"/>
        <source>FEATURES, then TARGET, by position in the file (from 0): GradLab renames repeated header names
as pandas does (x, x.1, ...).</source>
        <translation>先 FEATURES 后 TARGET，按其在文件中的位置（从 0 开始）：GradLab 会像 pandas 一样
重命名重复的表头名称（x, x.1, ...）。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="360"/>
        <source>GradLab reads records of up to 64 MiB; the csv module stops at 128 KiB unless told otherwise
(2**31 - 1: the most a C long holds on every platform).</source>
        <translation>GradLab 能读取长达 64 MiB 的记录；csv 模块默认只读到 128 KiB，除非另行设置
（2**31 - 1：在所有平台上 C long 都能容纳的最大值）。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="625"/>
        <source>There is no least-squares fit to export.</source>
        <translation>没有可导出的最小二乘拟合。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="632"/>
        <source>The least-squares fit has %1 coefficients but the model has %2 parameters</source>
        <translation>最小二乘拟合有 %1 个系数，但模型有 %2 个参数</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="777"/>
        <source>A GradLab experiment as a plain PyTorch script.</source>
        <translation>以普通 PyTorch 脚本写成的 GradLab 实验。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="778"/>
        <source>It trains the same model on the same data, from the same initial parameters, with the same
loss, optimizer, epochs and mini-batches as GradLab, in the style of the tutorial&apos;s
make_train_step, and prints one JSON line: the final parameters and the final training and
validation losses (evaluation mode, no grad). Needs Python 3, NumPy and PyTorch 1.12 or newer.</source>
        <translation>它按教程中 make_train_step 的写法，在相同的数据上、从相同的初始参数出发，
用与 GradLab 相同的损失、优化器、轮数和小批量训练同一个模型，
并输出一行 JSON：最终的参数，以及最终的训练损失和验证损失（评估模式，不计算梯度）。
需要 Python 3、NumPy 和 PyTorch 1.12 或更新版本。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="815"/>
        <source>x, x^2, ..., x^d as running products, exactly as GradLab expands them.</source>
        <translation>以累乘得到 x, x^2, ..., x^d，与 GradLab 的展开方式完全相同。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="837"/>
        <source>To make &quot;a&quot; and &quot;b&quot; real parameters of the model, we need to wrap them with nn.Parameter</source>
        <translation>要让 "a" 和 "b" 成为模型真正的参数，需要用 nn.Parameter 把它们包装起来</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="843"/>
        <source>Computes the outputs / predictions</source>
        <translation>计算输出/预测值</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="849"/>
        <source>The initial values GradLab trained from.</source>
        <translation>GradLab 训练时所用的初始值。</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="874"/>
        <source>no optimizer.zero_grad(): the gradients add up from step to step</source>
        <translation>不调用 optimizer.zero_grad()：梯度会一步一步累加</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="880"/>
        <source>0: the whole training set at once</source>
        <translation>0：一次使用整个训练集</translation>
    </message>
    <message>
        <location filename="../model/experiment/exports.cpp" line="886"/>
        <source>GradLab&apos;s mini-batches: the rows in order, or permuted by RandomState([seed, epoch]).</source>
        <translation>GradLab 的小批量：按原顺序的行，或经 RandomState([seed, epoch]) 打乱后的行。</translation>
    </message>
</context>
<context>
    <name>GraphInspectionText</name>
    <message>
        <location filename="../model/experiment/graph_inspection.cpp" line="26"/>
        <source>The written-out loss is the tutorial&apos;s (error ** 2).mean(), the mean squared error, but this experiment trains with another loss: choose the configured loss function&apos;s graph instead.</source>
        <translation>手动计算的损失是教程中的 (error ** 2).mean()，即均方误差，但本实验使用另一种损失函数训练：请改选“所配置的损失函数”的计算图。</translation>
    </message>
    <message>
        <location filename="../model/experiment/graph_inspection.cpp" line="56"/>
        <source>The training set has no rows, so there is no graph to show.</source>
        <translation>训练集没有任何行，因此没有可显示的计算图。</translation>
    </message>
    <message>
        <location filename="../model/experiment/graph_inspection.cpp" line="73"/>
        <source>The model has %1 parameter values but %2 were given.</source>
        <translation>模型有 %1 个参数值，但给出了 %2 个。</translation>
    </message>
    <message>
        <location filename="../model/experiment/graph_inspection.cpp" line="100"/>
        <source>Every parameter is frozen, so nothing requires a gradient and autograd records no graph.</source>
        <translation>所有参数均已冻结，没有任何量需要梯度，因此自动求导不会记录计算图。</translation>
    </message>
    <message>
        <location filename="../model/experiment/graph_inspection.cpp" line="120"/>
        <source>Could not build the graph: %1</source>
        <translation>无法构建计算图：%1</translation>
    </message>
</context>
<context>
    <name>NameText</name>
    <message>
        <location filename="../widgets/display_names.cpp" line="20"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="21"/>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="22"/>
        <source>Smooth L1</source>
        <translation>Smooth L1</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="24"/>
        <source>The loss is %1, not the squared error: the closed form (least squares) is not its minimum, so the trained values may rightly differ from it and reach a lower loss.</source>
        <translation>损失是 %1，而不是平方误差：闭式解（最小二乘）并不是它的最小值，因此训练得到的值与闭式解不同是正常的，而且损失可能更低。</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="34"/>
        <source>This GradLab was built without CUDA support.</source>
        <translation>此 GradLab 构建时未启用 CUDA 支持。</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="35"/>
        <source>No usable NVIDIA driver (missing, or older than the CUDA runtime).</source>
        <translation>没有可用的 NVIDIA 驱动（未安装，或版本低于 CUDA 运行时）。</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="36"/>
        <source>No CUDA device was found.</source>
        <translation>未找到 CUDA 设备。</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="39"/>
        <source>CUDA is unavailable: %1</source>
        <translation>CUDA 不可用：%1</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="70"/>
        <source>a + b·x</source>
        <translation>a + b·x</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="71"/>
        <source>Linear</source>
        <translation>线性模型</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="72"/>
        <source>Polynomial</source>
        <translation>多项式</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="73"/>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="81"/>
        <source>%1 (degree %2)</source>
        <translation>%1（%2 次）</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="89"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="90"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="91"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="92"/>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="93"/>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="100"/>
        <source>%1, lr %2</source>
        <translation>%1，lr %2</translation>
    </message>
    <message>
        <location filename="../widgets/display_names.cpp" line="106"/>
        <source>%1, gradients not zeroed</source>
        <translation>%1，梯度未清零</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../widgets/plot_export.cpp" line="42"/>
        <source>%1 has no extension: name the plot .png, .svg or .pdf</source>
        <translation>%1 没有扩展名：请将图保存为 .png、.svg 或 .pdf 文件</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="43"/>
        <source>Plots cannot be saved as .%1: use .png, .svg or .pdf</source>
        <translation>图不能保存为 .%1 格式：请使用 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="55"/>
        <source>The folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="70"/>
        <source>Plots can only be drawn while a QApplication runs</source>
        <translation>只有在 QApplication 运行时才能绘图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="74"/>
        <source>A plot of %1 × %2 pixels cannot be drawn: each side must be 16 to 20000 pixels</source>
        <translation>无法绘制 %1 × %2 像素的图：每边必须在 16 到 20000 像素之间</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="169"/>
        <source>The plot could not be drawn for %1</source>
        <translation>无法为 %1 绘制图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="263"/>
        <source>Observed %1</source>
        <translation>%1 观测值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="264"/>
        <source>Predicted %1</source>
        <translation>%1 预测值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="267"/>
        <source>Observed = predicted</source>
        <translation>观测值 = 预测值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="276"/>
        <source>Trained model, training rows</source>
        <translation>训练后的模型，训练行</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="277"/>
        <source>Trained model, validation rows</source>
        <translation>训练后的模型，验证行</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="186"/>
        <source>There is no run to plot</source>
        <translation>没有可绘制的运行</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="196"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="318"/>
        <source>Loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="318"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="348"/>
        <location filename="../widgets/plot_export.cpp" line="422"/>
        <source>Run %1 (%2)</source>
        <translation>运行 %1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="352"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="356"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="375"/>
        <source>There is nothing to plot: no run has a positive, finite loss</source>
        <translation>没有可绘制的内容：没有任何运行的损失为正的有限值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="376"/>
        <source>There is nothing to plot: no run has a finite loss</source>
        <translation>没有可绘制的内容：没有任何运行的损失为有限值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="388"/>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="492"/>
        <source>There is no data to plot</source>
        <translation>没有可绘制的数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="520"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="262"/>
        <location filename="../widgets/plot_export.cpp" line="521"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="352"/>
        <source>%1: training loss</source>
        <translation>%1：训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="356"/>
        <source>%1: validation loss</source>
        <translation>%1：验证损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="399"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="443"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="460"/>
        <source>There is nothing to plot: no run has a finite parameter value</source>
        <translation>没有可绘制的内容：没有任何运行具有有限的参数值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="474"/>
        <source>Closed form (dashed)</source>
        <translation>闭式解（虚线）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="483"/>
        <source>Parameter trajectories</source>
        <translation>参数轨迹</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="522"/>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="523"/>
        <source>Validation data</source>
        <translation>验证数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="527"/>
        <source>True line</source>
        <translation>真实直线</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="532"/>
        <source>Trained model</source>
        <translation>训练后的模型</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="273"/>
        <location filename="../widgets/plot_export.cpp" line="531"/>
        <source>Closed form (least squares)</source>
        <translation>闭式解（最小二乘）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="283"/>
        <location filename="../widgets/plot_export.cpp" line="540"/>
        <source>Data and fitted model</source>
        <translation>数据与拟合模型</translation>
    </message>
</context>
<context>
    <name>ProjectText</name>
    <message>
        <location filename="../model/experiment/project.cpp" line="114"/>
        <source>: expected %1 number(s)</source>
        <translation>：应为 %1 个数值</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="131"/>
        <source>%1: expected a whole number from %2 to %3</source>
        <translation>%1：应为 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="132"/>
        <source>%1, got %2</source>
        <translation>%1，实际为 %2</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="145"/>
        <source>%1: expected a number or null</source>
        <translation>%1：应为数值或 null</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="168"/>
        <source>.layout: each entry needs a name and a size</source>
        <translation>.layout：每一项都需要名称和大小</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="176"/>
        <source>.layout: the sizes add up to more than %1</source>
        <translation>.layout：各项大小之和超过 %1</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="185"/>
        <source>.history: expected an object</source>
        <translation>.history：应为对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="191"/>
        <source>: expected an array</source>
        <translation>：应为数组</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="200"/>
        <source>.history: its columns have different lengths</source>
        <translation>.history：各列长度不一致</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="215"/>
        <source>.history.params[%1]: expected %2 values</source>
        <translation>.history.params[%1]：应为 %2 个值</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="307"/>
        <location filename="../model/experiment/project.cpp" line="314"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="333"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="387"/>
        <source>%1 is the data file this project reads: saving the project there would overwrite the data. Choose another name, such as %2.</source>
        <translation>%1 是本项目读取的数据文件：把项目保存到那里会覆盖数据。请换一个名称，例如 %2。</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="432"/>
        <source>%1 is not a GradLab project: not valid JSON at byte %2 (%3)</source>
        <translation>%1 不是 GradLab 项目：第 %2 字节处不是有效的 JSON（%3）</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="439"/>
        <source>%1 is not a GradLab project: the JSON is not an object</source>
        <translation>%1 不是 GradLab 项目：其 JSON 不是对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="454"/>
        <source>runs: expected an array</source>
        <translation>runs：应为数组</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="460"/>
        <source>runs[%1]: expected an object</source>
        <translation>runs[%1]：应为对象</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="475"/>
        <location filename="../model/experiment/project.cpp" line="588"/>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="521"/>
        <source>No feature column is chosen</source>
        <translation>尚未选择特征列</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="528"/>
        <source>%1 was not found: the copy of its data saved in the project is used</source>
        <translation>未找到 %1：改用项目中保存的数据副本</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="535"/>
        <source>No CSV file is chosen</source>
        <translation>尚未选择 CSV 文件</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="539"/>
        <source>The project&apos;s CSV file %1 does not exist</source>
        <translation>项目的 CSV 文件 %1 不存在</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="555"/>
        <source>%1 has changed since the project was saved; the new data is used</source>
        <translation>%1 在项目保存后已被修改；将使用新数据</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="583"/>
        <source>%1 is too large to be embedded in a project</source>
        <translation>%1 太大，无法嵌入项目</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="596"/>
        <source>%1 has changed since its data was loaded; load it again to embed it</source>
        <translation>%1 在其数据载入之后已被修改；请重新载入后再嵌入</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="605"/>
        <source>%1 has %2 rows; only files of at most %3 rows can be embedded in a project</source>
        <translation>%1 有 %2 行；只有不超过 %3 行的文件才能嵌入项目</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="641"/>
        <source>An MLP has no closed-form solution: the least-squares fit is for the linear and polynomial models.</source>
        <translation>MLP 没有闭式解：最小二乘拟合只适用于线性模型和多项式模型。</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="646"/>
        <source>The a + b·x model takes one feature; this dataset has %1.</source>
        <translation>a + b·x 模型只接受一个特征；此数据集有 %1 个。</translation>
    </message>
</context>
<context>
    <name>StepText</name>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="34"/>
        <source>The NumPy formulas are for the a + b·x model; this run&apos;s model is %1.</source>
        <translation>NumPy 公式适用于 a + b·x 模型；此运行的模型为 %1。</translation>
    </message>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="36"/>
        <source>The NumPy formulas are for one feature; this dataset has %1.</source>
        <translation>NumPy 公式适用于单个特征；此数据集有 %1 个特征。</translation>
    </message>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="38"/>
        <source>The NumPy formulas are for the MSE loss; this run uses %1.</source>
        <translation>NumPy 公式适用于 MSE 损失；此运行使用的是 %1。</translation>
    </message>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="58"/>
        <source>No step has been taken yet.</source>
        <translation>尚未执行任何一步。</translation>
    </message>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="62"/>
        <source>The step has %1 parameter values but the model has %2.</source>
        <translation>该步有 %1 个参数值，但模型有 %2 个。</translation>
    </message>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="79"/>
        <source>The NumPy formulas need an intercept and one slope; this model&apos;s parameters are %1.</source>
        <translation>NumPy 公式需要一个截距和一个斜率；此模型的参数为 %1。</translation>
    </message>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="100"/>
        <source>The step&apos;s batch names row %1, but the training set has %2 rows.</source>
        <translation>该步的批次引用了第 %1 行，但训练集只有 %2 行。</translation>
    </message>
    <message>
        <location filename="../model/experiment/step_inspection.cpp" line="107"/>
        <source>The step&apos;s batch has no rows.</source>
        <translation>该步的批次没有任何行。</translation>
    </message>
</context>
<context>
    <name>TableCopy</name>
    <message>
        <location filename="../widgets/table_copy.cpp" line="89"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/table_copy.cpp" line="98"/>
        <source>Copy &amp;Table</source>
        <translation>复制整个表格(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/table_copy.cpp" line="100"/>
        <source>Copy every cell with the headers, tab-separated, for a spreadsheet</source>
        <translation>复制所有单元格及表头（以制表符分隔），可粘贴到电子表格</translation>
    </message>
</context>
<context>
    <name>TrainerText</name>
    <message>
        <location filename="../model/experiment/trainer.cpp" line="226"/>
        <source>The loss became NaN at epoch %1, after a parameter was set by hand, so training stopped and the parameters went back to the values set by hand.</source>
        <translation>手动设置参数后，损失在第 %1 轮变为 NaN，因此训练已停止，参数已恢复为手动设置的值。</translation>
    </message>
    <message>
        <location filename="../model/experiment/trainer.cpp" line="228"/>
        <source>The loss became infinite at epoch %1, after a parameter was set by hand, so training stopped and the parameters went back to the values set by hand.</source>
        <translation>手动设置参数后，损失在第 %1 轮变为无穷大，因此训练已停止，参数已恢复为手动设置的值。</translation>
    </message>
    <message>
        <location filename="../model/experiment/trainer.cpp" line="232"/>
        <source>The loss became NaN at epoch %1, so training stopped and the last finite parameters were kept. Try a smaller learning rate than %2.</source>
        <translation>第 %1 轮时损失变为 NaN，训练已停止，并保留了最后一组有限的参数。请尝试小于 %2 的学习率。</translation>
    </message>
    <message>
        <location filename="../model/experiment/trainer.cpp" line="234"/>
        <source>The loss became infinite at epoch %1, so training stopped and the last finite parameters were kept. Try a smaller learning rate than %2.</source>
        <translation>第 %1 轮时损失变为无穷大，训练已停止，并保留了最后一组有限的参数。请尝试小于 %2 的学习率。</translation>
    </message>
</context>
<context>
    <name>gradlab::app::MainWindow</name>
    <message>
        <location filename="../app/window/main_window.cpp" line="87"/>
        <source>GradLab projects (*.gradlab);;All files (*)</source>
        <translation>GradLab 项目 (*.gradlab);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="166"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="168"/>
        <location filename="../app/window/main_window.cpp" line="171"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="173"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="174"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="219"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="218"/>
        <source>The project has changes that are not saved. Save them first?</source>
        <translation>项目有尚未保存的更改。是否先保存？</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="88"/>
        <source>GradLab projects (*.gradlab);;Data files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>GradLab 项目 (*.gradlab);;数据文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="217"/>
        <source>A run is in progress. Stop it and save the project with the run first?</source>
        <translation>有一次运行正在进行。要先停止它，并把这次运行一起保存到项目中吗？</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="229"/>
        <source>Project changed on disk</source>
        <translation>项目文件已在磁盘上被修改</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="230"/>
        <source>%1 has been changed since GradLab opened or saved it, perhaps by GradLab in another window. Saving over it loses those changes, such as runs saved there.</source>
        <translation>%1 在 GradLab 打开或保存它之后已被修改，可能是另一个窗口中的 GradLab 所为。覆盖保存会丢失这些修改，例如保存在那里的运行。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="234"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="235"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="243"/>
        <source>GradLab shows the new language when it starts again. Restart it now?</source>
        <translation>GradLab 重新启动后才会显示新语言。现在重新启动吗？</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="244"/>
        <source>Restart Now</source>
        <translation>立即重新启动</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="245"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="288"/>
        <source>Data and fit</source>
        <translation>数据与拟合</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="289"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="290"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="291"/>
        <source>Loss landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="292"/>
        <source>Computation graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="294"/>
        <source>Least squares</source>
        <translation>最小二乘</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="317"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="318"/>
        <source>Model and training</source>
        <translation>模型与训练</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="319"/>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="337"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="347"/>
        <source>Step inspector</source>
        <translation>单步检查器</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="362"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="366"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="366"/>
        <source>Start a new project from the tutorial&apos;s experiment</source>
        <translation>以教程中的实验新建项目</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="368"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="368"/>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="369"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="223"/>
        <location filename="../app/window/main_window.cpp" line="369"/>
        <location filename="../app/window/main_window.cpp" line="1644"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="224"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="376"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="376"/>
        <source>Save the project under a new name</source>
        <translation>以新名称保存项目</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="376"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="379"/>
        <location filename="../app/window/main_window.cpp" line="511"/>
        <location filename="../app/window/main_window.cpp" line="1221"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="379"/>
        <source>Train the model (or resume a paused run)</source>
        <translation>训练模型（或继续已暂停的运行）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="381"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="381"/>
        <source>Pause the run after the current epoch</source>
        <translation>在当前轮结束后暂停运行</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="383"/>
        <source>S&amp;tep</source>
        <translation>单轮(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="383"/>
        <source>Train one epoch, then pause</source>
        <translation>训练一轮后暂停</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="386"/>
        <source>Step &amp;Batch</source>
        <translation>单批(&amp;B)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="387"/>
        <source>Train one mini-batch (one optimizer step), then pause; with full-batch training, one epoch</source>
        <translation>训练一个小批量（优化器走一步），然后暂停；全批量训练时即一轮</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="389"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="389"/>
        <source>Stop the run and keep it</source>
        <translation>停止运行并保留该运行</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="391"/>
        <source>R&amp;eset</source>
        <translation>重置(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="392"/>
        <source>Stop any run and show the initial parameters again</source>
        <translation>停止正在进行的运行，并重新显示初始参数</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="402"/>
        <location filename="../app/window/main_window.cpp" line="407"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="407"/>
        <source>&amp;Undo %1</source>
        <comment>%1: the change, e.g. Change batch size</comment>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="409"/>
        <location filename="../app/window/main_window.cpp" line="414"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="414"/>
        <source>&amp;Redo %1</source>
        <comment>%1: the change, e.g. Change batch size</comment>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="436"/>
        <source>&amp;Speed</source>
        <translation>速度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="443"/>
        <source>How fast a run goes: as fast as it trains, or slowly enough to watch it learn</source>
        <translation>训练运行的快慢：以训练所能达到的最快速度，或放慢到足以看清它如何学习</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="449"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="450"/>
        <source>1 epoch a second</source>
        <translation>每秒 1 轮</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="451"/>
        <source>%1 epochs a second</source>
        <translation>每秒 %1 轮</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="481"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="484"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="488"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="489"/>
        <source>&amp;Parameters (JSON or CSV)…</source>
        <translation>参数（JSON 或 CSV）(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="490"/>
        <source>Loss &amp;history (CSV)…</source>
        <translation>损失历史（CSV）(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="491"/>
        <source>Least-s&amp;quares fit (JSON or CSV)…</source>
        <translation>最小二乘拟合（JSON 或 CSV）(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="493"/>
        <source>Save the closed-form fit&apos;s coefficients with their standard errors, p-values and intervals, and its statistics</source>
        <translation>保存闭式解的系数及其标准误、p 值和置信区间，以及拟合统计量</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="495"/>
        <source>&amp;Data and fit plot…</source>
        <translation>数据与拟合图(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="496"/>
        <source>&amp;Loss plot…</source>
        <translation>损失图(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="497"/>
        <source>P&amp;arameter plot…</source>
        <translation>参数图(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="498"/>
        <source>Loss la&amp;ndscape plot…</source>
        <translation>损失曲面图(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="499"/>
        <source>Computation &amp;graph (DOT, SVG or PNG)…</source>
        <translation>计算图（DOT、SVG 或 PNG）(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="500"/>
        <source>&amp;Residual plot…</source>
        <translation>残差图(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="502"/>
        <source>PyTorch &amp;script…</source>
        <translation>PyTorch 脚本(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="504"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="507"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="521"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="527"/>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="529"/>
        <source>Put the panels back where they were at the first start</source>
        <translation>把各面板恢复到首次启动时的位置</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="533"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="536"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="552"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="553"/>
        <source>&amp;About GradLab</source>
        <translation>关于 GradLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="554"/>
        <source>About GradLab</source>
        <translation>关于 GradLab</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="555"/>
        <source>&lt;p&gt;&lt;b&gt;GradLab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Train a model through GradLab&apos;s own autograd engine, watch it learn, and compare it with the closed-form least-squares fit.&lt;/p&gt;&lt;p&gt;Built on Qt, QCustomPlot, Eigen and Graphviz.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;GradLab %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;使用 GradLab 自己的自动求导引擎训练模型，观察其学习过程，并与最小二乘闭式解进行比较。&lt;/p&gt;&lt;p&gt;基于 Qt、QCustomPlot、Eigen 和 Graphviz 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="576"/>
        <source>Loading data %p%</source>
        <translation>正在加载数据 %p%</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="583"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="584"/>
        <source>Stop loading the data</source>
        <translation>停止加载数据</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="614"/>
        <source>Preparing the data: the split, the closed form and the loss landscape…</source>
        <translation>正在准备数据：划分、闭式解和损失曲面…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="758"/>
        <source>The run&apos;s optimizer was not changed</source>
        <translation>未更改该运行的优化器</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="787"/>
        <source>Train the model (or resume a paused run) (%1)</source>
        <translation>训练模型（或继续已暂停的运行）（%1）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="788"/>
        <source>The run cannot start:
%1</source>
        <translation>无法开始运行：
%1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="810"/>
        <source>Choose a CSV file on the Data tab, or drop one onto the window</source>
        <translation>请在“数据”选项卡中选择一个 CSV 文件，或把文件拖放到窗口上</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="824"/>
        <location filename="../app/window/main_window.cpp" line="838"/>
        <location filename="../app/window/main_window.cpp" line="841"/>
        <location filename="../app/window/main_window.cpp" line="938"/>
        <source>Loading the data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="859"/>
        <source>Loading the data was cancelled</source>
        <translation>已取消加载数据</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="864"/>
        <source>%1 (on the Data tab, Missing values: Drop the row)</source>
        <translation>%1（在“数据”选项卡中，缺失值：丢弃该行）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="865"/>
        <source>The data could not be loaded: %1</source>
        <translation>无法加载数据：%1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="868"/>
        <source>The data could not be loaded</source>
        <translation>无法加载数据</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="896"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="925"/>
        <location filename="../app/window/main_window.cpp" line="927"/>
        <location filename="../app/window/main_window.cpp" line="1877"/>
        <location filename="../app/window/main_window.cpp" line="1897"/>
        <source>No data: load or generate a dataset first.</source>
        <translation>没有数据：请先加载或生成数据集。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="939"/>
        <source>%1 rows: %2 for training, %3 for validation</source>
        <translation>共 %1 行：%2 行用于训练，%3 行用于验证</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1012"/>
        <source>The closed form: %1</source>
        <translation>闭式解：%1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1093"/>
        <source>Training on the CPU</source>
        <translation>正在 CPU 上训练</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1098"/>
        <source>Press Step to train one epoch, or Step Batch for one mini-batch, and see what autograd computed and what the optimizer did with it.</source>
        <translation>按“单轮”训练一轮，或按“单批”训练一个小批量，查看自动求导计算出的梯度以及优化器据此所做的更新。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1151"/>
        <location filename="../app/window/main_window.cpp" line="1491"/>
        <source>Press Run to train the model.</source>
        <translation>按“运行”训练模型。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1157"/>
        <source>Back to the initial parameters</source>
        <translation>已恢复初始参数</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1169"/>
        <location filename="../app/window/main_window.cpp" line="1421"/>
        <source>The run cannot start</source>
        <translation>无法开始运行</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1178"/>
        <source>The run starts when the data is loaded</source>
        <translation>数据加载完成后将开始运行</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1192"/>
        <source>This run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1201"/>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1093"/>
        <source>Training on %1</source>
        <translation>正在 %1 上训练</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1221"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1241"/>
        <source>Epoch %1 of %2, batch %3 of %4</source>
        <translation>第 %1 / %2 轮，第 %3 / %4 批</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1244"/>
        <source>Epoch %1 of %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1256"/>
        <source>%1 epochs/s</source>
        <translation>%1 轮/秒</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1258"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1339"/>
        <source>Paused in epoch %1 after batch %2 of %3: the optimizer&apos;s options and the parameter values can be edited</source>
        <translation>已在第 %1 轮的第 %2 / %3 批之后暂停：可以编辑优化器选项和参数值</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1344"/>
        <source>Paused at epoch %1: the optimizer&apos;s options and the parameter values can be edited</source>
        <translation>已在第 %1 轮暂停：可以编辑优化器选项和参数值</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1366"/>
        <source>The run diverged</source>
        <translation>运行已发散</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1368"/>
        <source>Run %1 stopped in epoch %2 after batch %3 of %4</source>
        <translation>运行 %1 在第 %2 轮的第 %3 / %4 批之后停止</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1370"/>
        <source>Run %1 stopped at epoch %2</source>
        <translation>运行 %1 已在第 %2 轮停止</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1371"/>
        <source>Run %1 finished: %2 epochs in %3</source>
        <translation>运行 %1 已完成：%2 轮，耗时 %3</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1396"/>
        <location filename="../app/window/main_window.cpp" line="1421"/>
        <source>The run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1424"/>
        <source>The run on %1 failed. Run it again from the beginning on the CPU?</source>
        <translation>在 %1 上的运行失败。要在 CPU 上从头重新运行吗？</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1425"/>
        <source>Run it on the CPU instead?</source>
        <translation>改为在 CPU 上运行吗？</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1426"/>
        <source>Run on the CPU</source>
        <translation>在 CPU 上运行</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1428"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1447"/>
        <source>Change device</source>
        <translation>更改设备</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1456"/>
        <source>The parameter was not changed</source>
        <translation>参数未更改</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1474"/>
        <source>Run %1, the first of the %2 selected runs</source>
        <translation>运行 %1（所选 %2 次运行中的第一次）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1475"/>
        <source>The current settings: run %1, the first of the %2 selected runs, was trained with other data or another model</source>
        <translation>当前设置：运行 %1（所选 %2 次运行中的第一次）是用其他数据或其他模型训练的</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1483"/>
        <location filename="../app/window/main_window.cpp" line="1501"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1487"/>
        <source>%1 runs selected: the Loss tab overlays their losses. Select one run to see its results, or two to compare them.</source>
        <translation>已选择 %1 个运行：“损失”页叠加显示它们的损失。选择一个运行可查看其结果，选择两个可进行比较。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1491"/>
        <source>Select a run to see its results, or two to compare them.</source>
        <translation>选择一个运行可查看其结果，选择两个运行可进行比较。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1500"/>
        <source>Run %1: trained on other data (the CSV has changed since)</source>
        <translation>运行 %1：使用其他数据训练（此后 CSV 已被修改）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1519"/>
        <source>Run %1 was trained with other data or another model: the plots show the current settings</source>
        <translation>运行 %1 使用的是其他数据或其他模型：图中显示的是当前设置</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1557"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1558"/>
        <source>%1[*] — GradLab</source>
        <translation>%1[*] — GradLab</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1586"/>
        <source>A new project with the tutorial&apos;s experiment</source>
        <translation>已新建项目（使用教程中的实验）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1594"/>
        <source>Open a project or a data file</source>
        <translation>打开项目或数据文件</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1610"/>
        <source>%1 was not opened: stop the run first</source>
        <translation>未打开 %1：请先停止运行</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1631"/>
        <source>The project could not be opened</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1638"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1645"/>
        <source>experiment.gradlab</source>
        <translation>实验.gradlab</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1680"/>
        <source>The project could not be saved</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1692"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1720"/>
        <source>No recent projects</source>
        <translation>没有最近打开的项目</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1723"/>
        <source>Clear the list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1743"/>
        <source>The run did not stop</source>
        <translation>运行未停止</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1743"/>
        <source>The run did not stop within 30 seconds; the project was not saved with it.</source>
        <translation>运行在 30 秒内未能停止；项目未连同这次运行一起保存。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1816"/>
        <source>The project&apos;s data</source>
        <translation>项目的数据</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1817"/>
        <source>Runs marked &quot;trained on other data&quot; in the Results panel were trained on the CSV as it was before: their closed form and losses are those of that data, not of the data now.</source>
        <translation>结果面板中标有“使用其他数据训练”的运行是用修改前的 CSV 训练的：它们的闭式解和损失属于当时的数据，而不是现在的数据。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1845"/>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1845"/>
        <source>Train the model first: exports are made from a run.</source>
        <translation>请先训练模型：导出的内容来自一次运行。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1858"/>
        <source>Export the parameters</source>
        <translation>导出参数</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1859"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1865"/>
        <source>The parameters were not exported</source>
        <translation>参数未导出</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1867"/>
        <source>Exported the parameters to %1</source>
        <translation>已将参数导出到 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1897"/>
        <location filename="../app/window/main_window.cpp" line="1918"/>
        <source>The least-squares fit was not exported</source>
        <translation>最小二乘拟合未导出</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1900"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1902"/>
        <source>Export the least-squares fit</source>
        <translation>导出最小二乘拟合</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1920"/>
        <source>Exported the least-squares fit to %1</source>
        <translation>已将最小二乘拟合导出到 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1928"/>
        <source>Export the loss history</source>
        <translation>导出损失历史</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1900"/>
        <location filename="../app/window/main_window.cpp" line="1929"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1934"/>
        <source>The history was not exported</source>
        <translation>历史记录未导出</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1936"/>
        <source>Exported the history to %1</source>
        <translation>已将历史记录导出到 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1958"/>
        <source>Export the plot</source>
        <translation>导出图</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1959"/>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1949"/>
        <location filename="../app/window/main_window.cpp" line="1955"/>
        <location filename="../app/window/main_window.cpp" line="1964"/>
        <source>The plot was not exported</source>
        <translation>图未导出</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1966"/>
        <source>Exported the plot to %1</source>
        <translation>已将图导出到 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1982"/>
        <source>Export the computation graph</source>
        <translation>导出计算图</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1983"/>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>SVG 图像 (*.svg);;PNG 图像 (*.png);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1989"/>
        <source>The graph was not exported</source>
        <translation>计算图未导出</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1991"/>
        <source>Exported the graph to %1</source>
        <translation>已将计算图导出到 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1999"/>
        <source>The data is still loading: export the script once it is loaded.</source>
        <translation>数据仍在加载：请在加载完成后再导出脚本。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="2000"/>
        <source>The data cannot be loaded, so a script would fail too. %1</source>
        <translation>无法加载数据，因此脚本也会失败。%1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="2003"/>
        <source>Export a PyTorch script</source>
        <translation>导出 PyTorch 脚本</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="2004"/>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="2023"/>
        <source>%1 (after restart)</source>
        <translation>%1（重启后）</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="2024"/>
        <source>GradLab will show this language when it starts again</source>
        <translation>GradLab 重新启动后将显示此语言</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="2046"/>
        <source>GradLab could not start again. Start it yourself to use the new language.</source>
        <translation>GradLab 无法重新启动。请手动启动它以使用新语言。</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="1998"/>
        <location filename="../app/window/main_window.cpp" line="2009"/>
        <source>The script was not exported</source>
        <translation>脚本未导出</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="423"/>
        <source>Run toolbar</source>
        <translation>运行工具栏</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="2011"/>
        <source>Exported the PyTorch script to %1</source>
        <translation>已将 PyTorch 脚本导出到 %1</translation>
    </message>
    <message>
        <location filename="../app/window/main_window.cpp" line="242"/>
        <location filename="../app/window/main_window.cpp" line="2046"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>gradlab::app::TrainingController</name>
    <message>
        <location filename="../app/training/training_controller.cpp" line="77"/>
        <location filename="../app/training/training_controller.cpp" line="86"/>
        <source>No run is in progress</source>
        <translation>没有正在进行的运行</translation>
    </message>
</context>
<context>
    <name>gradlab::app::TrainingWorker</name>
    <message>
        <location filename="../app/training/training_worker.cpp" line="113"/>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="114"/>
        <source>epoch %1, after batch %2 of %3</source>
        <translation>第 %1 轮，第 %2 / %3 批之后</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="121"/>
        <source>The optimizer&apos;s options can only be changed while the run is paused</source>
        <translation>只有在运行暂停时才能更改优化器选项</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="125"/>
        <source>A paused run keeps its optimizer; to train with %1, stop this run and start a new one</source>
        <translation>暂停的运行会保留其优化器；若要使用 %1 训练，请停止此运行并开始新的运行</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="158"/>
        <source>%1: optimizer.%2 = %3</source>
        <translation>%1：optimizer.%2 = %3</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="183"/>
        <source>%1 does not fit in float32 (whose largest magnitude is about %2)</source>
        <translation>%1 超出了 float32 的范围（其最大绝对值约为 %2）</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="196"/>
        <source>%1: %2 = %3 (was %4)</source>
        <translation>%1：%2 = %3（原为 %4）</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="332"/>
        <source>Stopped in epoch %1 after batch %2 of %3; the final parameters include the epoch&apos;s steps so far.</source>
        <translation>在第 %1 轮第 %2 / %3 批之后停止；最终参数包含本轮到此为止各步的更新。</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="170"/>
        <source>A parameter can only be edited while the run is paused</source>
        <translation>只有在运行暂停时才能编辑参数</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="174"/>
        <source>A parameter&apos;s value must be a finite number</source>
        <translation>参数值必须是有限数值</translation>
    </message>
    <message>
        <location filename="../app/training/training_worker.cpp" line="202"/>
        <source>There is no parameter value number %1</source>
        <translation>不存在第 %1 个参数值</translation>
    </message>
</context>
<context>
    <name>gradlab::data</name>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="37"/>
        <source>missing value (empty field). To skip such rows, choose to drop rows with missing values</source>
        <translation>缺失值（空字段）。如需跳过这类行，请选择丢弃含缺失值的行</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="40"/>
        <source>missing value %1. To skip such rows, choose to drop rows with missing values</source>
        <translation>缺失值 %1。如需跳过这类行，请选择丢弃含缺失值的行</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="45"/>
        <source>%1 is not a finite number. To skip such rows, choose to drop rows with missing values</source>
        <translation>%1 不是有限数值。如需跳过这类行，请选择丢弃含缺失值的行</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="50"/>
        <source>%1 is beyond the range of double-precision numbers</source>
        <translation>%1 超出了双精度浮点数的范围</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="55"/>
        <source>%1 is not a number with &apos;.&apos; as the decimal separator; numbers with thousands separators cannot be read, so save the file without them, or, if the file writes numbers with a decimal comma, choose the comma as the decimal separator</source>
        <translation>以“.”作为小数分隔符时，%1 不是数值；带千位分隔符的数值无法读取，请保存为不含千位分隔符的文件；如果文件中的数值使用小数逗号，请选择“逗号”作为小数分隔符</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="63"/>
        <source>%1 is not a number with &apos;.&apos; as the decimal separator; if the file writes numbers with a decimal comma, choose the comma as the decimal separator</source>
        <translation>%1 不是以“.”为小数点的数值；如果文件中的数值使用小数逗号，请选择“逗号”作为小数分隔符</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="70"/>
        <source>%1 is not a number: numbers with thousands separators cannot be read; save the file without them</source>
        <translation>%1 不是数值：无法读取带千位分隔符的数值；请将文件另存为不含千位分隔符的形式</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="76"/>
        <source>%1 is not a number with a decimal comma; if the file writes numbers with a decimal point, choose the point as the decimal separator</source>
        <translation>%1 不是使用小数逗号的数值；如果文件中的数值使用小数点，请选择“点”作为小数分隔符</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="81"/>
        <source>%1 is not a number</source>
        <translation>%1 不是数值</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="90"/>
        <source>line %1 has 1 field where %2 were expected (one per column)</source>
        <translation>第 %1 行只有 1 个字段，应为 %2 个（每列一个）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="95"/>
        <source>line %1 has %2 fields where %3 were expected (one per column)</source>
        <translation>第 %1 行有 %2 个字段，应为 %3 个（每列一个）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="106"/>
        <source>line %1: the record is longer than %2 bytes; is this really a CSV file?</source>
        <translation>第 %1 行：记录长度超过 %2 字节；这真的是 CSV 文件吗？</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="186"/>
        <source>line %1 has a value in column %2, which has no name and is empty on the first lines, as if the lines only ended with a delimiter: give that column a name in the header to read it</source>
        <translation>第 %1 行在第 %2 列有一个值，而该列没有名称，且在前几行中为空，看起来只是各行以分隔符结尾：请在表头中为该列命名后再读取</translation>
    </message>
    <message>
        <location filename="../model/data/csv_chunk_parser.cpp" line="258"/>
        <source>line %1: the file changed while it was read</source>
        <translation>第 %1 行：读取期间文件发生了变化</translation>
    </message>
    <message>
        <location filename="../model/data/csv_reader.cpp" line="24"/>
        <source>reading the file was cancelled</source>
        <translation>已取消读取文件</translation>
    </message>
    <message>
        <location filename="../model/data/csv_reader.cpp" line="57"/>
        <source>every data row has a missing value: no rows are left</source>
        <translation>每个数据行都有缺失值：没有剩余的行</translation>
    </message>
    <message>
        <location filename="../model/data/csv_reader.cpp" line="60"/>
        <source>the file has a header but no data rows</source>
        <translation>文件有表头，但没有数据行</translation>
    </message>
    <message>
        <location filename="../model/data/csv_reader.cpp" line="61"/>
        <source>the file has no data rows</source>
        <translation>文件没有数据行</translation>
    </message>
    <message>
        <location filename="../model/data/csv_reader.cpp" line="72"/>
        <source>1 row with missing or non-finite values left out (line %1)</source>
        <translation>已丢弃 1 行含缺失值或非有限值的数据（第 %1 行）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_reader.cpp" line="75"/>
        <source>%1 rows with missing or non-finite values left out (the first on line %2)</source>
        <translation>已丢弃 %1 行含缺失值或非有限值的数据（第一处在第 %2 行）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_reader.cpp" line="382"/>
        <location filename="../model/data/csv_reader.cpp" line="385"/>
        <source>there is not enough memory to read the file</source>
        <translation>内存不足，无法读取文件</translation>
    </message>
    <message>
        <location filename="../model/data/csv_selection.cpp" line="18"/>
        <source>there is no column %1 (counting from 0): the file has 1 column</source>
        <translation>没有第 %1 列（从 0 开始计数）：文件只有 1 列</translation>
    </message>
    <message>
        <location filename="../model/data/csv_selection.cpp" line="21"/>
        <source>there is no column %1 (counting from 0): the file has %2 columns</source>
        <translation>没有第 %1 列（从 0 开始计数）：文件共有 %2 列</translation>
    </message>
    <message>
        <location filename="../model/data/csv_selection.cpp" line="34"/>
        <source>there is no column named %1; the columns are %2</source>
        <translation>没有名为 %1 的列；现有的列为 %2</translation>
    </message>
    <message>
        <location filename="../model/data/csv_selection.cpp" line="64"/>
        <source>the file has only one column; a dataset needs at least one feature column and a target column</source>
        <translation>文件只有一列；数据集至少需要一个特征列和一个目标列</translation>
    </message>
    <message>
        <location filename="../model/data/csv_selection.cpp" line="75"/>
        <source>%1 is chosen both as a feature and as the target</source>
        <translation>%1 同时被选为特征和目标</translation>
    </message>
    <message>
        <location filename="../model/data/csv_selection.cpp" line="78"/>
        <source>%1 is chosen twice</source>
        <translation>%1 被选择了两次</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="216"/>
        <source>%1 as %2</source>
        <translation>%1 重命名为 %2</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="219"/>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="222"/>
        <source>%1 and %2 more</source>
        <translation>%1，以及另外 %2 列</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="232"/>
        <source>the file became shorter while it was read; was it changed or deleted by another program?</source>
        <translation>读取期间文件变短了；是否被其他程序修改或删除？</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="262"/>
        <location filename="../model/data/csv_writer.cpp" line="28"/>
        <source>the delimiter must be a tab or an ASCII punctuation character other than &apos;&quot;&apos;, &apos;.&apos;, &apos;+&apos; and &apos;-&apos;</source>
        <translation>分隔符必须是制表符，或除 '"'、'.'、'+' 和 '-' 以外的 ASCII 标点字符</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="268"/>
        <source>the decimal separator must be &apos;.&apos; or &apos;,&apos;</source>
        <translation>小数分隔符必须是“.”或“,”</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="271"/>
        <source>the comma cannot be both the delimiter and the decimal separator; choose another delimiter</source>
        <translation>逗号不能同时作为分隔符和小数分隔符；请选择其他分隔符</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="275"/>
        <source>the chunk size and the record size limit must be positive</source>
        <translation>块大小和记录大小上限必须为正数</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="288"/>
        <source>the file is UTF-16 text; save it as UTF-8 (for example, &quot;CSV UTF-8&quot; in Excel)</source>
        <translation>该文件是 UTF-16 文本；请另存为 UTF-8（例如 Excel 中的“CSV UTF-8”）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="294"/>
        <source>the file looks like UTF-16 text; save it as UTF-8 (for example, &quot;CSV UTF-8&quot; in Excel)</source>
        <translation>该文件似乎是 UTF-16 文本；请另存为 UTF-8（例如 Excel 中的“CSV UTF-8”）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="302"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="305"/>
        <source>line %1 holds a NUL byte: this is a binary file, not CSV text</source>
        <translation>第 %1 行含有 NUL 字节：这是二进制文件，不是 CSV 文本</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="311"/>
        <source>the lines of the file end in CR alone (classic Mac OS); save it with LF or CRLF line endings</source>
        <translation>文件的行仅以 CR 结尾（经典 Mac OS 格式）；请以 LF 或 CRLF 换行符保存</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="338"/>
        <source>the file holds nothing but blank lines</source>
        <translation>文件中只有空行</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="342"/>
        <source>the comma was detected as the delimiter, so it cannot be the decimal separator too; choose another delimiter</source>
        <translation>已检测到逗号为分隔符，因此它不能同时作为小数分隔符；请选择其他分隔符</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="362"/>
        <source>the lines end with a delimiter; the empty last column is ignored</source>
        <translation>各行以分隔符结尾；空的最后一列已忽略</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="371"/>
        <source>line %1, column %2: the column name %3 is not UTF-8 text; save the file as UTF-8</source>
        <translation>第 %1 行，第 %2 列：列名 %3 不是 UTF-8 文本；请将文件另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="378"/>
        <source>line %1, column %2: the column name holds a NUL byte: this is a binary file, not CSV text</source>
        <translation>第 %1 行，第 %2 列：列名含有 NUL 字节：这是二进制文件，不是 CSV 文本</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="387"/>
        <source>columns with the same name are renamed as pandas renames them, so that each can be chosen: %1</source>
        <translation>同名的列已按 pandas 的方式重命名，以便每一列都能被选择：%1</translation>
    </message>
    <message>
        <location filename="../model/data/csv_sniff.cpp" line="440"/>
        <source>some text is not valid UTF-8 and is shown as %1</source>
        <translation>部分文本不是有效的 UTF-8，显示为 %1</translation>
    </message>
    <message>
        <location filename="../model/data/csv_source.cpp" line="65"/>
        <location filename="../model/data/csv_source.cpp" line="92"/>
        <location filename="../model/data/csv_source.cpp" line="95"/>
        <location filename="../model/data/csv_source.cpp" line="132"/>
        <location filename="../model/data/csv_source.cpp" line="142"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/data/csv_source.cpp" line="115"/>
        <source>cannot read %1: it is a folder, not a file</source>
        <translation>无法读取 %1：它是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../model/data/csv_source.cpp" line="121"/>
        <source>cannot read %1: it is a pipe or a device, not a regular file; save the data to a file first</source>
        <translation>无法读取 %1：它是管道或设备，不是普通文件；请先把数据保存为文件</translation>
    </message>
    <message>
        <location filename="../model/data/csv_source.cpp" line="127"/>
        <location filename="../model/data/csv_source.cpp" line="138"/>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/data/csv_tokenizer.cpp" line="256"/>
        <source>column %1 (%2)</source>
        <translation>第 %1 列（%2）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_tokenizer.cpp" line="258"/>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <location filename="../model/data/csv_tokenizer.cpp" line="265"/>
        <source>line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <location filename="../model/data/csv_tokenizer.cpp" line="274"/>
        <source>line %1, column %2: a quoted field starts here and is never closed (the file ends inside the quotes)</source>
        <translation>第 %1 行，第 %2 列：带引号的字段从此处开始，但始终没有闭合（文件在引号内结束）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_tokenizer.cpp" line="279"/>
        <source>line %1, column %2: text follows the closing quote of a quoted field; a quote inside a quoted field must be written twice (&quot;&quot;)</source>
        <translation>第 %1 行，第 %2 列：带引号字段的闭合引号后还有文本；带引号字段内的引号必须写成两个（""）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_writer.cpp" line="63"/>
        <source>there are no columns to write</source>
        <translation>没有可写入的列</translation>
    </message>
    <message>
        <location filename="../model/data/csv_writer.cpp" line="75"/>
        <source>writing the CSV text failed</source>
        <translation>写入 CSV 文本失败</translation>
    </message>
    <message>
        <location filename="../model/data/csv_writer.cpp" line="107"/>
        <source>the dataset is inconsistent: %1 feature values for %2 rows of %3 features</source>
        <translation>数据集不一致：%2 行、%3 个特征，却有 %1 个特征值</translation>
    </message>
    <message>
        <location filename="../model/data/csv_writer.cpp" line="130"/>
        <source>column %1 has %2 values where %3 has %4</source>
        <translation>列 %1 有 %2 个值，而 %3 有 %4 个</translation>
    </message>
    <message>
        <location filename="../model/data/csv_writer.cpp" line="158"/>
        <location filename="../model/data/csv_writer.cpp" line="167"/>
        <location filename="../model/data/csv_writer.cpp" line="191"/>
        <location filename="../model/data/csv_writer.cpp" line="201"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/data/csv_writer.cpp" line="189"/>
        <source>cannot write %1: no new file can be made in the folder %2 (%3)</source>
        <translation>无法写入 %1：无法在文件夹 %2 中新建文件（%3）</translation>
    </message>
    <message>
        <location filename="../model/data/csv_writer.cpp" line="207"/>
        <source>cannot replace %1: %2</source>
        <translation>无法替换 %1：%2</translation>
    </message>
    <message>
        <location filename="../model/data/split.cpp" line="32"/>
        <source>a split needs at least 2 rows (got %1)</source>
        <translation>划分数据至少需要 2 行（实际为 %1 行）</translation>
    </message>
    <message>
        <location filename="../model/data/split.cpp" line="34"/>
        <source>trainFraction must be between 0 and 1, both excluded (got %1)</source>
        <translation>训练集比例必须介于 0 和 1 之间，不含 0 和 1（实际为 %1）</translation>
    </message>
    <message>
        <location filename="../model/data/split.cpp" line="40"/>
        <source>trainFraction %1 of %2 rows leaves the training set empty</source>
        <translation>对 %2 行取训练集比例 %1，训练集为空</translation>
    </message>
    <message>
        <location filename="../model/data/split.cpp" line="44"/>
        <source>trainFraction %1 of %2 rows leaves the validation set empty</source>
        <translation>对 %2 行取训练集比例 %1，验证集为空</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="29"/>
        <source>%1 must be a finite number (got %2)</source>
        <translation>%1 必须是有限数值（实际为 %2）</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="38"/>
        <source>n must be at least 1 (got %1)</source>
        <translation>样本数 n 至少为 1（实际为 %1）</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="40"/>
        <source>features must be at least 1 (got %1)</source>
        <translation>特征数至少为 1（实际为 %1）</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="43"/>
        <source>n × features must be at most %1 values (got %2 × %3)</source>
        <translation>n × 特征数不能超过 %1 个值（实际为 %2 × %3）</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="49"/>
        <source>noise (σ) must not be negative (got %1)</source>
        <translation>噪声 σ 不能为负（实际为 %1）</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="54"/>
        <source>xMin must be less than xMax (got %1 and %2)</source>
        <translation>x 最小值必须小于 x 最大值（实际为 %1 和 %2）</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="57"/>
        <source>xMax - xMin must be a finite number</source>
        <translation>x 最大值 − x 最小值必须是有限数值</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="60"/>
        <source>weights: %1 features need %1 weights, got none</source>
        <translation>权重：%1 个特征需要 %1 个权重，实际没有</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="63"/>
        <source>weights: %1 features need %1 weights, got %2</source>
        <translation>权重：%1 个特征需要 %1 个权重，实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../model/data/synthetic.cpp" line="134"/>
        <source>the generated values overflow: row %1 has y = %2 (a = %3, weights = [%4], noise = %5, x in [%6, %7)); choose smaller values</source>
        <translation>生成的数值溢出：第 %1 行的 y = %2（a = %3，权重 = [%4]，噪声 = %5，x 取值于 [%6, %7)）；请选择更小的数值</translation>
    </message>
</context>
<context>
    <name>gradlab::experiment::ModelFactory</name>
    <message>
        <location filename="../model/experiment/model_factory.cpp" line="28"/>
        <source>the a + b·x model takes one feature; this dataset has %1 (use the linear model)</source>
        <translation>a + b·x 模型只接受一个特征；此数据集有 %1 个（请使用线性模型）</translation>
    </message>
</context>
<context>
    <name>gradlab::fit</name>
    <message>
        <location filename="../model/fit/design.cpp" line="19"/>
        <location filename="../model/fit/least_squares.cpp" line="77"/>
        <source>the target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../model/fit/design.cpp" line="22"/>
        <source>%1 to the power %2 (it overflows)</source>
        <translation>%1 的 %2 次方（溢出）</translation>
    </message>
    <message>
        <location filename="../model/fit/design.cpp" line="37"/>
        <source>row index %1, %2: the value is %3; least squares needs finite numbers (remove or fill in that row)</source>
        <translation>行索引 %1，%2：值为 %3；最小二乘需要有限数值（请删除或填补该行）</translation>
    </message>
    <message>
        <location filename="../model/fit/design.cpp" line="44"/>
        <source>the values are too large for least squares in double precision (their squares overflow); rescale the data</source>
        <translation>数值过大，无法在双精度下做最小二乘（其平方会溢出）；请对数据重新缩放</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="44"/>
        <source>the polynomial degree must be at least 1, not %1</source>
        <translation>多项式次数至少为 1，而不是 %1</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="47"/>
        <source>a polynomial fit needs exactly one feature, but the data has %1</source>
        <translation>多项式拟合只能有一个特征，但数据有 %1 个</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="59"/>
        <source>there are no rows to fit: least squares needs at least one observation</source>
        <translation>没有可拟合的行：最小二乘至少需要一个观测值</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="80"/>
        <source>%1 is too small in magnitude (its norm is %2) for least squares in double precision; rescale it, for example by changing its units</source>
        <translation>%1 的量级过小（范数为 %2），无法在双精度下做最小二乘；请重新缩放，例如更换其单位</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="83"/>
        <source>%1 is too large in magnitude (its norm is %2) for least squares in double precision; rescale it, for example by changing its units</source>
        <translation>%1 的量级过大（范数为 %2），无法在双精度下做最小二乘；请重新缩放，例如更换其单位</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="139"/>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="141"/>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="156"/>
        <source>the intercept</source>
        <translation>截距</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="174"/>
        <source>%1 is all zeros</source>
        <translation>%1 全为零</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="176"/>
        <source>%1 is constant (the intercept already covers it)</source>
        <translation>%1 是常数（已由截距涵盖）</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="179"/>
        <source>%1 is a linear combination of %2</source>
        <translation>%1 是 %2 的线性组合</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="184"/>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="186"/>
        <source>with fewer observations (%1) than coefficients (%2), the design matrix is rank-deficient (rank %3 of %4 columns): %5. The coefficients given are the minimum-norm solution, one of many that fit equally well</source>
        <translation>观测值（%1 个）少于系数（%2 个），设计矩阵秩亏（秩为 %3，共 %4 列）：%5。给出的系数是最小范数解，是同样拟合得好的众多解之一</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="192"/>
        <source>the design matrix is rank-deficient (rank %1 of %2 columns): %3. The coefficients given are the minimum-norm solution, one of many that fit equally well</source>
        <translation>设计矩阵秩亏（秩为 %1，共 %2 列）：%3。给出的系数是最小范数解，是同样拟合得好的众多解之一</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="325"/>
        <source>the columns are nearly collinear (condition number %1 with each column scaled to unit length): the coefficients are poorly determined, though the fitted values are not</source>
        <translation>各列近似共线（各列缩放为单位长度后条件数为 %1）：系数难以准确确定，但拟合值不受影响</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="351"/>
        <location filename="../model/fit/robust.cpp" line="234"/>
        <source>there are no residual degrees of freedom, so the residuals are all zero</source>
        <translation>没有残差自由度，因此残差全为零</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="354"/>
        <location filename="../model/fit/robust.cpp" line="237"/>
        <source>the fit is exact: the residuals are zero up to rounding</source>
        <translation>拟合是精确的：残差在舍入误差范围内为零</translation>
    </message>
    <message>
        <location filename="../model/fit/least_squares.cpp" line="360"/>
        <source>the design matrix is rank-deficient, so its condition number is infinite</source>
        <translation>设计矩阵秩亏，因此其条件数为无穷大</translation>
    </message>
    <message>
        <location filename="../model/fit/statistics.cpp" line="38"/>
        <source>there are no residual degrees of freedom (observations %1, independent columns %2): the standard errors, t statistics, p-values, confidence intervals, adjusted R², residual standard error and F test are undefined (NaN)</source>
        <translation>没有残差自由度（观测值 %1 个，线性无关的列 %2 个）：标准误、t 统计量、p 值、置信区间、调整后 R²、残差标准误和 F 检验均无定义（NaN）</translation>
    </message>
    <message>
        <location filename="../model/fit/statistics.cpp" line="49"/>
        <source>the fit is exact: the residuals are zero up to rounding, so the standard errors measure only rounding and the t statistics and p-values mean nothing</source>
        <translation>拟合是精确的：残差在舍入误差范围内为零，因此标准误只反映舍入误差，t 统计量和 p 值没有意义</translation>
    </message>
    <message>
        <location filename="../model/fit/statistics.cpp" line="60"/>
        <source>the target is constant, so R² (the share of its variation explained) is undefined</source>
        <translation>目标是常数，因此 R²（被解释的变异所占比例）无定义</translation>
    </message>
    <message>
        <location filename="../model/fit/diagnostics.cpp" line="49"/>
        <location filename="../model/fit/robust.cpp" line="271"/>
        <source>there are fewer than 2 residuals</source>
        <translation>残差少于 2 个</translation>
    </message>
    <message>
        <location filename="../model/fit/diagnostics.cpp" line="59"/>
        <location filename="../model/fit/diagnostics.cpp" line="82"/>
        <source>the residuals are all equal</source>
        <translation>残差全部相等</translation>
    </message>
    <message>
        <location filename="../model/fit/diagnostics.cpp" line="91"/>
        <source>the omnibus test needs at least 8 residuals; there are %1</source>
        <translation>综合检验至少需要 8 个残差；现有 %1 个</translation>
    </message>
    <message>
        <location filename="../model/fit/diagnostics.cpp" line="100"/>
        <source>the kurtosis test of the omnibus divides by zero for these residuals</source>
        <translation>对这些残差，综合检验中的峰度检验出现除以零</translation>
    </message>
    <message>
        <location filename="../model/experiment/project.cpp" line="657"/>
        <source>the training rows are in the split&apos;s shuffled order, where it says nothing of serial correlation; choose All rows for the file&apos;s order</source>
        <translation>训练行按划分时打乱后的顺序排列，此时该统计量不能说明序列相关；要按文件中的顺序计算，请选择“全部行”</translation>
    </message>
    <message>
        <location filename="../model/fit/robust.cpp" line="201"/>
        <source>one of the rows fitted has leverage 1 (the fit passes through it whatever its target), so HC2 and HC3, which divide by 1 − leverage, are undefined; HC0 and HC1 are not</source>
        <translation>拟合所用的行中有一行杠杆值为 1（无论其目标值如何，拟合都会经过该行），因此需要除以 1 − 杠杆值的 HC2 和 HC3 无定义；HC0 和 HC1 不受影响</translation>
    </message>
    <message>
        <location filename="../model/fit/robust.cpp" line="204"/>
        <source>%1 of the rows fitted have leverage 1 (the fit passes through them whatever their target), so HC2 and HC3, which divide by 1 − leverage, are undefined; HC0 and HC1 are not</source>
        <translation>拟合所用的行中有 %1 行杠杆值为 1（无论其目标值如何，拟合都会经过这些行），因此需要除以 1 − 杠杆值的 HC2 和 HC3 无定义；HC0 和 HC1 不受影响</translation>
    </message>
    <message>
        <location filename="../model/fit/robust.cpp" line="219"/>
        <source>there are no residual degrees of freedom</source>
        <translation>没有残差自由度</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::DataFitPlot</name>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="63"/>
        <source>Data and fitted model</source>
        <translation>数据与拟合模型</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="79"/>
        <source>95% confidence band of the closed form</source>
        <translation>闭式解的 95% 置信带</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="85"/>
        <location filename="../widgets/plot_data_fit.cpp" line="202"/>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="86"/>
        <location filename="../widgets/plot_data_fit.cpp" line="203"/>
        <source>Validation data</source>
        <translation>验证数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="88"/>
        <source>True line</source>
        <translation>真实直线</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="91"/>
        <source>Observed = predicted</source>
        <translation>观测值 = 预测值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="94"/>
        <source>Closed form (least squares)</source>
        <translation>闭式解（最小二乘）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="97"/>
        <location filename="../widgets/plot_data_fit.cpp" line="253"/>
        <source>Trained model</source>
        <translation>训练后的模型</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="115"/>
        <location filename="../widgets/plot_data_fit.cpp" line="206"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="116"/>
        <location filename="../widgets/plot_data_fit.cpp" line="176"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="150"/>
        <location filename="../widgets/plot_data_fit.cpp" line="225"/>
        <source>There is no data to plot</source>
        <translation>没有可绘制的数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="429"/>
        <source>Confidence band of the closed form</source>
        <translation>闭式解的置信带</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="435"/>
        <source>The 95% confidence interval of the closed form&apos;s mean response at each x</source>
        <translation>闭式解在每个 x 处平均响应的 95% 置信区间</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="436"/>
        <source>For one feature and a closed form with residual degrees of freedom</source>
        <translation>适用于单个特征且闭式解有残差自由度的情形</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="487"/>
        <source>%1, training rows</source>
        <translation>%1，训练行</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="488"/>
        <source>%1, validation rows</source>
        <translation>%1，验证行</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="55"/>
        <source>%1 (every %2th of %3 points)</source>
        <translation>%1（共 %3 个点，每 %2 个取 1 个）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="194"/>
        <source>Observed %1</source>
        <translation>%1 观测值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="195"/>
        <source>Predicted %1</source>
        <translation>%1 预测值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_data_fit.cpp" line="253"/>
        <source>Initial parameters</source>
        <translation>初始参数</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::DataForm</name>
    <message>
        <location filename="../widgets/data_form.cpp" line="271"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="272"/>
        <source>Load CSV</source>
        <translation>加载 CSV</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="293"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="333"/>
        <source>w1, w2, …</source>
        <translation>w1, w2, …</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="336"/>
        <source>The intercept: y = a + b·x + noise</source>
        <translation>截距：y = a + b·x + 噪声</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="337"/>
        <source>The slope, for one feature</source>
        <translation>斜率（单特征时）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="338"/>
        <source>The number of rows to generate, from %1 to %2: the split needs at least 2</source>
        <translation>要生成的行数，从 %1 到 %2：划分数据至少需要 2 行</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="340"/>
        <source>The standard deviation σ of the Gaussian noise added to y</source>
        <translation>加到 y 上的高斯噪声的标准差 σ</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="341"/>
        <source>One weight per feature, separated by commas</source>
        <translation>每个特征一个权重，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="343"/>
        <source>Intercept a:</source>
        <translation>截距 a：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="344"/>
        <source>Slope b:</source>
        <translation>斜率 b：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="345"/>
        <source>Samples n:</source>
        <translation>样本数 n：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="347"/>
        <source>Noise σ:</source>
        <translation>噪声 σ：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="348"/>
        <source>x min:</source>
        <translation>x 最小值：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="349"/>
        <source>x max:</source>
        <translation>x 最大值：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="509"/>
        <source>Features:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="351"/>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="354"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="379"/>
        <source>Change intercept a</source>
        <translation>更改截距 a</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="386"/>
        <source>Change slope b</source>
        <translation>更改斜率 b</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="387"/>
        <source>Change noise σ</source>
        <translation>更改噪声 σ</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="388"/>
        <source>Change x min</source>
        <translation>更改 x 最小值</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="389"/>
        <source>Change x max</source>
        <translation>更改 x 最大值</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="399"/>
        <source>Change data seed</source>
        <translation>更改数据种子</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="411"/>
        <source>Change sample count n</source>
        <translation>更改样本数 n</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="432"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="438"/>
        <location filename="../widgets/data_form.cpp" line="444"/>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="439"/>
        <source>Comma (,)</source>
        <translation>逗号（,）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="440"/>
        <source>Semicolon (;)</source>
        <translation>分号（;）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="441"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="442"/>
        <source>Pipe (|)</source>
        <translation>竖线（|）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="445"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="446"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="448"/>
        <source>Stop with an error</source>
        <translation>报错并停止</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="449"/>
        <source>Drop the row</source>
        <translation>丢弃该行</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="464"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="469"/>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="470"/>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="472"/>
        <source>Missing values:</source>
        <translation>缺失值：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="510"/>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="511"/>
        <source>Rows:</source>
        <translation>行数：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="514"/>
        <source>First rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="536"/>
        <source>Change delimiter</source>
        <translation>更改分隔符</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="547"/>
        <source>Change header row</source>
        <translation>更改表头行设置</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="561"/>
        <source>Change missing values</source>
        <translation>更改缺失值处理方式</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="572"/>
        <source>Train / validation split</source>
        <translation>训练集/验证集划分</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="426"/>
        <source>Choose or drop a CSV file</source>
        <translation>选择或拖放一个 CSV 文件</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="323"/>
        <source>n = %1 was not taken: n must be from %2 to %3 (the split into training and validation needs at least 2 rows).</source>
        <translation>未采用 n = %1：n 必须在 %2 到 %3 之间（划分训练集和验证集至少需要 2 行）。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="350"/>
        <source>Features:</source>
        <comment>how many features to generate</comment>
        <translation>特征数：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="427"/>
        <source>A CSV, TSV or text file: type its path and press Enter, click Browse…, or drop it on the form</source>
        <translation>CSV、TSV 或文本文件：输入路径后按回车，点击“浏览…”，或把文件拖放到表单上</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="451"/>
        <location filename="../widgets/data_form.cpp" line="775"/>
        <location filename="../widgets/data_form.cpp" line="820"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="452"/>
        <source>Point (1.5)</source>
        <translation>点（1.5）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="453"/>
        <source>Comma (1,5)</source>
        <translation>逗号（1,5）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="454"/>
        <source>Automatic reads a comma as the decimal separator when the delimiter is not a comma and the numbers of the first rows have a comma as their only separator, as in many European CSV files</source>
        <translation>当分隔符不是逗号，且前几行数字中唯一的分隔符是逗号时，“自动”会把逗号读作小数分隔符，许多欧洲的 CSV 文件就是这样</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="471"/>
        <source>Decimal separator:</source>
        <translation>小数分隔符：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="485"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="487"/>
        <source>Tick every numeric column but the target</source>
        <translation>勾选除目标列以外的所有数值列</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="488"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="490"/>
        <source>Untick every column</source>
        <translation>取消勾选所有列</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="554"/>
        <source>Change decimal separator</source>
        <translation>更改小数分隔符</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="576"/>
        <source>The share of the rows used for training, from %1 to %2; the rest validates, so both parts keep some rows</source>
        <translation>用于训练的行所占比例，从 %1 到 %2；其余的行用于验证，因此两部分都会保留一些行</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="581"/>
        <source>A train fraction of %1 was not taken: it must be from %2 to %3, so that both training and validation keep some rows.</source>
        <translation>训练集比例 %1 未被采用：它必须在 %2 到 %3 之间，这样训练集和验证集都能保留一些行。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="585"/>
        <location filename="../widgets/data_form.cpp" line="613"/>
        <source>Shuffle before splitting</source>
        <translation>划分前打乱</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="590"/>
        <source>Train fraction:</source>
        <translation>训练集比例：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="593"/>
        <source>Seeds the shuffle. Equal to the data seed, the shuffle continues the stream that drew the data, as the tutorial&apos;s single np.random.seed(42) does, and it follows the data seed while the two are equal.</source>
        <translation>打乱顺序所用的种子。与数据种子相同时，打乱会接着生成数据的那条随机数流进行，正如教程中只调用一次 np.random.seed(42) 那样；两者相同时，它会随数据种子一起变化。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="596"/>
        <source>Split seed:</source>
        <translation>划分种子：</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="606"/>
        <source>Change train fraction</source>
        <translation>更改训练集比例</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="613"/>
        <source>Split without shuffling</source>
        <translation>不打乱直接划分</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="620"/>
        <source>Change split seed</source>
        <translation>更改划分种子</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="724"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="758"/>
        <source>none: the file cannot be read</source>
        <translation>无：无法读取该文件</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="764"/>
        <source>counted when loaded</source>
        <translation>加载时统计</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="766"/>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="766"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="793"/>
        <source>Automatic: comma</source>
        <translation>自动：逗号</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="793"/>
        <source>Automatic: point</source>
        <translation>自动：点</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="843"/>
        <source>%1 (target)</source>
        <translation>%1（目标）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="845"/>
        <source>The target: the column the model predicts. Choose another target to use it as a feature.</source>
        <translation>目标：模型要预测的列。若要把它用作特征，请另选一个目标列。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="851"/>
        <source>%1 (text)</source>
        <translation>%1（文本）</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="853"/>
        <source>The first rows of this column hold text, not numbers: it cannot be a feature.</source>
        <translation>此列的前几行是文本而不是数值：它不能作为特征。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="881"/>
        <source>the embedded data</source>
        <translation>嵌入的数据</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="883"/>
        <source>No CSV file is chosen.</source>
        <translation>未选择 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="894"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="901"/>
        <source>Cannot use %1: it has only one column, and a data set needs at least one feature column and a target column. Is the delimiter right?</source>
        <translation>无法使用 %1：它只有一列，而数据集至少需要一个特征列和一个目标列。分隔符是否正确？</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="907"/>
        <source>Cannot use %1: it has no data rows.</source>
        <translation>无法使用 %1：其中没有数据行。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="912"/>
        <source>1 field</source>
        <translation>1 个字段</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="912"/>
        <source>%1 fields</source>
        <translation>%1 个字段</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="913"/>
        <source>Cannot read %1: data row %2 has %3, but the file has %4 columns.</source>
        <translation>无法读取 %1：第 %2 行数据有 %3，但该文件有 %4 列。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="993"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1059"/>
        <source>Load data from CSV</source>
        <translation>从 CSV 加载数据</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1059"/>
        <source>Generate data</source>
        <translation>生成数据</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1081"/>
        <source>Change feature count</source>
        <translation>更改特征数</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1096"/>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数值。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1102"/>
        <source>Enter %1 weights, one per feature, separated by commas.</source>
        <translation>请输入 %1 个权重，每个特征一个，以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1114"/>
        <source>Change weights</source>
        <translation>更改权重</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1126"/>
        <source>Change feature columns</source>
        <translation>更改特征列</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1144"/>
        <source>Select all feature columns</source>
        <translation>选择所有特征列</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1144"/>
        <source>Select no feature columns</source>
        <translation>不选择任何特征列</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1156"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1159"/>
        <source>The weights “%1” were not taken: %2 The run would use the previous weights.</source>
        <translation>未采用权重“%1”：%2 运行将使用之前的权重。</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1173"/>
        <source>Change target column</source>
        <translation>更改目标列</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1182"/>
        <source>Open CSV File</source>
        <translation>打开 CSV 文件</translation>
    </message>
    <message>
        <location filename="../widgets/data_form.cpp" line="1183"/>
        <source>CSV files (*.csv);;TSV files (*.tsv);;Text files (*.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;TSV 文件 (*.tsv);;文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::GraphView</name>
    <message>
        <location filename="../widgets/graph_view.cpp" line="157"/>
        <source>Show values</source>
        <translation>显示数值</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="162"/>
        <source>ŷ (prediction)</source>
        <translation>ŷ（预测值）</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="163"/>
        <source>error (y − ŷ)</source>
        <translation>误差（y − ŷ）</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="164"/>
        <source>loss (the configured loss function)</source>
        <translation>损失（所配置的损失函数）</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="165"/>
        <source>loss, written out: (error²).mean()</source>
        <translation>损失，手动计算：(error²).mean()</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="167"/>
        <source>The tensor whose graph is drawn, as make_dot(yhat), make_dot(error) or make_dot(loss). The configured loss is one node (nn.MSELoss: MseLossBackward0); written out as in the tutorial&apos;s section 2.4, loss = (error ** 2).mean() adds the error&apos;s subtraction, the square and the mean (for the mean squared error only).</source>
        <translation>要绘制其计算图的张量，相当于 make_dot(yhat)、make_dot(error) 或 make_dot(loss)。所配置的损失是一个节点（nn.MSELoss：MseLossBackward0）；按教程第 2.4 节展开写出时，loss = (error ** 2).mean() 会多出误差的减法、平方和求均值三个节点（仅适用于均方误差）。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="171"/>
        <source>Write each node&apos;s value and gradient into its box</source>
        <translation>在每个节点的方框中写出其值和梯度</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="183"/>
        <source>Fit to view</source>
        <translation>适应视图</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="183"/>
        <source>Show the whole graph</source>
        <translation>显示整个计算图</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="184"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="184"/>
        <source>Zoom in (or turn the mouse wheel)</source>
        <translation>放大（或滚动鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="185"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="185"/>
        <source>Zoom out (or turn the mouse wheel)</source>
        <translation>缩小（或滚动鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="186"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="186"/>
        <source>Save the graph as Graphviz DOT, SVG or PNG</source>
        <translation>将计算图保存为 Graphviz DOT、SVG 或 PNG</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="189"/>
        <source>Graph of</source>
        <translation>计算图：</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="199"/>
        <source>Click a node to see its shape, value and gradient.</source>
        <translation>单击节点可查看其形状、值和梯度。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="229"/>
        <source>No experiment yet.</source>
        <translation>尚无实验。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="315"/>
        <source>Values at the run&apos;s final parameters, from within epoch %1, where it was stopped: a fresh forward and backward pass over every training row.</source>
        <translation>数值取自本次运行的最终参数，位于其停止时所在的第 %1 轮之内：在全部训练行上重新进行一次前向和反向传播。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="319"/>
        <source>Values at the run&apos;s final parameters, after epoch %1&apos;s update: a fresh forward and backward pass over every training row.</source>
        <translation>数值取自本次运行的最终参数，即第 %1 轮更新之后：在全部训练行上重新进行一次前向和反向传播。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="323"/>
        <source>Values at the current parameters, after the update of batch %2 of %3 in epoch %1: a fresh forward and backward pass over every training row, not over the next batch. The step inspector shows batch %2 itself, at the parameters before its update.</source>
        <translation>数值取自当前参数，即第 %1 轮第 %2 / %3 批更新之后：在全部训练行上重新进行一次前向和反向传播，而不是在下一批上。单步检查器显示的是第 %2 批本身，取自其更新之前的参数。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="330"/>
        <source>Values at the initial parameters, before any training: where epoch 1 starts.</source>
        <translation>数值取自初始参数，尚未训练：即第 1 轮开始之处。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="331"/>
        <source>Values at the current parameters, after epoch %1&apos;s update: a fresh forward and backward pass, where epoch %2 starts. The step inspector shows epoch %1 itself, at the parameters before its update.</source>
        <translation>数值取自当前参数，即第 %1 轮更新之后：重新进行一次前向和反向传播，也就是第 %2 轮开始之处。单步检查器显示的是第 %1 轮本身，取自其更新之前的参数。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="338"/>
        <source>Gradients: the root has %1 values, not one, so backward was seeded with ones; they are the gradients of the sum of its values, not of the loss.</source>
        <translation>梯度：根节点有 %1 个值而不是一个，因此反向传播以全 1 作为初始梯度；这些是其各值之和的梯度，而不是损失的梯度。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="362"/>
        <source>mean %1 [%2, %3]</source>
        <translation>均值 %1 [%2, %3]</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="364"/>
        <source>value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="365"/>
        <source>grad: %1</source>
        <translation>梯度：%1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="410"/>
        <source>Graphviz could not lay out the graph.</source>
        <translation>Graphviz 无法对计算图进行布局。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="456"/>
        <source>Click for shape, value and gradient</source>
        <translation>单击查看形状、值和梯度</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="536"/>
        <source>%1 values [%2, …]; min %3, mean %4, max %5</source>
        <translation>%1 个值 [%2, …]；最小值 %3，均值 %4，最大值 %5</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="543"/>
        <source>parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="544"/>
        <source>operation</source>
        <translation>运算</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="545"/>
        <source>root (the tensor the graph is drawn for)</source>
        <translation>根节点（绘制计算图所针对的张量）</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="548"/>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="549"/>
        <source>Operation: %1</source>
        <translation>运算：%1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="550"/>
        <source>Shape: %1</source>
        <translation>形状：%1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="551"/>
        <source>Value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="551"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="552"/>
        <source>Gradient: %1</source>
        <translation>梯度：%1</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="552"/>
        <source>none reached this node</source>
        <translation>没有梯度传到此节点</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="554"/>
        <source>(Gradients of the sum of the root&apos;s values: backward was seeded with ones.)</source>
        <translation>（梯度是针对根节点各值之和求得的：反向传播以全 1 作为初始梯度。）</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="636"/>
        <source>Cannot export the graph as &quot;%1&quot;: choose a file ending in .dot, .svg or .png.</source>
        <translation>无法将计算图导出为“%1”：请选择以 .dot、.svg 或 .png 结尾的文件。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="639"/>
        <location filename="../widgets/graph_view.cpp" line="673"/>
        <source>There is no graph to export.</source>
        <translation>没有可导出的计算图。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="649"/>
        <source>Graphviz could not render the graph as SVG.</source>
        <translation>Graphviz 无法将计算图渲染为 SVG。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="665"/>
        <source>Could not encode the graph as PNG.</source>
        <translation>无法将计算图编码为 PNG。</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="673"/>
        <location filename="../widgets/graph_view.cpp" line="681"/>
        <location filename="../widgets/graph_view.cpp" line="689"/>
        <source>Export graph</source>
        <translation>导出计算图</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="676"/>
        <source>Graphviz DOT (*.dot)</source>
        <translation>Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="677"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../widgets/graph_view.cpp" line="678"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::LandscapePlot</name>
    <message>
        <location filename="../widgets/plot_landscape.cpp" line="36"/>
        <source>Loss landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../widgets/plot_landscape.cpp" line="46"/>
        <location filename="../widgets/plot_landscape.cpp" line="165"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_landscape.cpp" line="51"/>
        <source>Lowest loss on the grid</source>
        <translation>网格上的最低损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_landscape.cpp" line="56"/>
        <source>Optimizer&apos;s path</source>
        <translation>优化器路径</translation>
    </message>
    <message>
        <location filename="../widgets/plot_landscape.cpp" line="64"/>
        <source>Steps within the epoch</source>
        <translation>本轮内的各步</translation>
    </message>
    <message>
        <location filename="../widgets/plot_landscape.cpp" line="71"/>
        <source>Current parameters</source>
        <translation>当前参数</translation>
    </message>
    <message>
        <location filename="../widgets/plot_landscape.cpp" line="165"/>
        <source>Loss (on %1 sampled rows)</source>
        <translation>损失（基于 %1 个抽样行）</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::LeastSquaresView</name>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="243"/>
        <source>&amp;Predict</source>
        <translation>预测(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="244"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="261"/>
        <source>Term</source>
        <translation>项</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="261"/>
        <source>The column of the design matrix: the intercept, a feature, or a power of x</source>
        <translation>设计矩阵的列：截距、某个特征或 x 的某次幂</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="262"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="262"/>
        <source>The model&apos;s parameter that this coefficient is the closed-form value of</source>
        <translation>该系数作为其闭式解的模型参数</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="263"/>
        <source>Estimate</source>
        <translation>估计值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="264"/>
        <location filename="../widgets/least_squares_view.cpp" line="657"/>
        <source>Std. error</source>
        <translation>标准误</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="265"/>
        <location filename="../widgets/least_squares_view.cpp" line="660"/>
        <source>The estimate&apos;s standard error, √(σ̂² (XᵀX)⁻¹), with σ̂² the residual sum of squares over the residual degrees of freedom</source>
        <translation>估计值的标准误 √(σ̂² (XᵀX)⁻¹)，其中 σ̂² 为残差平方和除以残差自由度</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="266"/>
        <location filename="../widgets/least_squares_view.cpp" line="661"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="266"/>
        <source>The estimate divided by its standard error</source>
        <translation>估计值除以其标准误</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="267"/>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="268"/>
        <location filename="../widgets/least_squares_view.cpp" line="665"/>
        <source>Two-sided: the probability, were the coefficient 0, of a t at least this far from 0 (Student&apos;s t with the residual degrees of freedom)</source>
        <translation>双侧：若系数为 0，t 值离 0 至少这么远的概率（自由度为残差自由度的 Student t 分布）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="281"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="287"/>
        <source>Observations</source>
        <translation>观测数</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="288"/>
        <source>Rank</source>
        <translation>秩</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="288"/>
        <source>The number of linearly independent columns of the design matrix, the intercept&apos;s included</source>
        <translation>设计矩阵中线性无关的列数（含截距列）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="289"/>
        <source>Residual degrees of freedom</source>
        <translation>残差自由度</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="289"/>
        <source>Observations minus rank</source>
        <translation>观测数减去秩</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="290"/>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="290"/>
        <source>The share of the target&apos;s variance about its mean that the fit explains: 1 − RSS / TSS</source>
        <translation>拟合所解释的目标值（相对其均值）方差的比例：1 − RSS / TSS</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="291"/>
        <source>Adjusted R²</source>
        <translation>调整后 R²</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="291"/>
        <source>R² penalised for the number of coefficients: 1 − (1 − R²)(n − 1) / (n − rank)</source>
        <translation>按系数个数惩罚后的 R²：1 − (1 − R²)(n − 1) / (n − 秩)</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="292"/>
        <source>Residual standard error</source>
        <translation>残差标准误</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="292"/>
        <source>σ̂ = √(RSS / residual degrees of freedom), the noise&apos;s estimated standard deviation</source>
        <translation>σ̂ = √(RSS / 残差自由度)，即噪声标准差的估计</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="293"/>
        <location filename="../widgets/least_squares_view.cpp" line="682"/>
        <source>F statistic</source>
        <translation>F 统计量</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="293"/>
        <location filename="../widgets/least_squares_view.cpp" line="688"/>
        <source>The fit against the intercept alone: every slope 0</source>
        <translation>与仅含截距的模型（所有斜率为 0）比较</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="294"/>
        <source>p-value of F</source>
        <translation>F 的 p 值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="294"/>
        <source>The probability of an F this large were every slope 0</source>
        <translation>若所有斜率为 0，F 值至少这么大的概率</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="295"/>
        <source>Log-likelihood</source>
        <translation>对数似然</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="295"/>
        <source>Of the fit with Gaussian errors, as statsmodels and gretl report it</source>
        <translation>假设误差服从高斯分布时拟合的对数似然，与 statsmodels 和 gretl 的报告一致</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="296"/>
        <source>AIC</source>
        <translation>AIC</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="296"/>
        <source>Akaike&apos;s information criterion: −2 log-likelihood + 2 × rank</source>
        <translation>赤池信息准则：−2 × 对数似然 + 2 × 秩</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="297"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="297"/>
        <source>Schwarz&apos;s Bayesian information criterion: −2 log-likelihood + log(n) × rank</source>
        <translation>施瓦茨贝叶斯信息准则：−2 × 对数似然 + log(n) × 秩</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="298"/>
        <source>Residual sum of squares</source>
        <translation>残差平方和</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="299"/>
        <source>Durbin–Watson</source>
        <translation>Durbin–Watson 统计量</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="303"/>
        <source>Omnibus (K²)</source>
        <translation>综合检验（K²）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="304"/>
        <source>D&apos;Agostino and Pearson&apos;s test of the residuals&apos; normality from their skew and kurtosis (scipy.stats.normaltest, as statsmodels prints it)</source>
        <translation>D'Agostino 与 Pearson 基于偏度和峰度的残差正态性检验（scipy.stats.normaltest，与 statsmodels 输出的一致）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="306"/>
        <source>p-value of omnibus</source>
        <translation>综合检验的 p 值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="306"/>
        <source>The probability of a K² this large were the residuals normal (χ² with 2 degrees of freedom)</source>
        <translation>若残差服从正态分布，K² 至少这么大的概率（自由度为 2 的 χ² 分布）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="307"/>
        <source>Jarque–Bera</source>
        <translation>Jarque–Bera 统计量</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="307"/>
        <source>n/6 · (S² + (K − 3)²/4), with S the skew and K the kurtosis: a test of the residuals&apos; normality</source>
        <translation>n/6 · (S² + (K − 3)²/4)，S 为偏度，K 为峰度：残差正态性的一种检验</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="308"/>
        <source>p-value of Jarque–Bera</source>
        <translation>Jarque–Bera 的 p 值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="309"/>
        <source>The probability of a Jarque–Bera statistic this large were the residuals normal (χ² with 2 degrees of freedom)</source>
        <translation>若残差服从正态分布，Jarque–Bera 统计量至少这么大的概率（自由度为 2 的 χ² 分布）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="310"/>
        <source>Skew</source>
        <translation>偏度</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="310"/>
        <source>Of the residuals: m₃ / m₂^1.5, 0 for a symmetric distribution</source>
        <translation>残差的偏度：m₃ / m₂^1.5，对称分布为 0</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="311"/>
        <source>Kurtosis</source>
        <translation>峰度</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="311"/>
        <source>Of the residuals: m₄ / m₂², 3 for a normal distribution (not the excess kurtosis)</source>
        <translation>残差的峰度：m₄ / m₂²，正态分布为 3（不是超额峰度）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="312"/>
        <source>Condition number</source>
        <translation>条件数</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="313"/>
        <source>The largest singular value of the design matrix as fitted (the intercept&apos;s column included) over the smallest, as numpy.linalg.cond and statsmodels&apos; Cond. No.: large values mean the coefficients are sensitive to small changes in the data</source>
        <translation>所拟合设计矩阵（含截距列）的最大奇异值与最小奇异值之比，与 numpy.linalg.cond 和 statsmodels 的 Cond. No. 相同：值大表示系数对数据的微小变化很敏感</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="331"/>
        <source>Predict &amp;at:</source>
        <translation>预测点(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="365"/>
        <source>Residuals vs fitted</source>
        <translation>残差对拟合值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="366"/>
        <source>Normal Q–Q</source>
        <translation>正态 Q–Q</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="367"/>
        <source>The residuals y − ŷ against the fitted values ŷ: a pattern or a funnel means the model misses something</source>
        <translation>残差 y − ŷ 对拟合值 ŷ 作图：若出现规律或漏斗形，说明模型遗漏了某些东西</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="369"/>
        <source>The internally studentized residuals e / (σ̂ √(1 − h)), sorted, against the standard normal&apos;s quantiles at Filliben&apos;s plotting positions (scipy.stats.probplot), with the least-squares line through them: points off the line mean residuals that are not normal</source>
        <translation>排序后的内学生化残差 e / (σ̂ √(1 − h)) 对标准正态分布在 Filliben 绘图位置上的分位数作图（同 scipy.stats.probplot），并画出穿过这些点的最小二乘直线：偏离直线的点说明残差不服从正态分布</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="375"/>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="398"/>
        <source>Training rows</source>
        <translation>训练行</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="399"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="400"/>
        <source>The runs are compared with the fit on the training rows, which they are trained on; all rows give the fit a statistics package gives for the whole file</source>
        <translation>各次运行都与训练行上的拟合比较（它们在训练行上训练）；选择全部行则得到统计软件对整个文件给出的拟合</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="403"/>
        <source>&amp;Rows:</source>
        <translation>行(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="412"/>
        <source>The confidence level of the coefficients&apos; intervals and of the predictions&apos; intervals (the Data and fit plot&apos;s band stays at 95%)</source>
        <translation>系数区间和预测区间的置信水平（“数据与拟合”图中的置信带始终为 95%）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="418"/>
        <source>Conf&amp;idence level:</source>
        <translation>置信水平(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="421"/>
        <source>Classical</source>
        <translation>经典</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="424"/>
        <source>Heteroskedasticity-robust (statsmodels&apos; cov_type=&apos;%1&apos;): the sandwich (XᵀX)⁻¹ Xᵀ diag(ω) X (XᵀX)⁻¹ with %2. z, p-values and intervals use the normal distribution, as statsmodels does by default for robust standard errors; F is the robust Wald test</source>
        <translation>异方差稳健（statsmodels 的 cov_type='%1'）：三明治估计 (XᵀX)⁻¹ Xᵀ diag(ω) X (XᵀX)⁻¹，其中 %2。z、p 值和置信区间使用正态分布，与 statsmodels 对稳健标准误的默认做法相同；F 为稳健 Wald 检验</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="427"/>
        <source>σ̂² (XᵀX)⁻¹, which assumes the noise has the same variance in every row; t, p-values and intervals from Student&apos;s t with the residual degrees of freedom</source>
        <translation>σ̂² (XᵀX)⁻¹，假定每一行的噪声方差相同；t、p 值和置信区间来自自由度为残差自由度的 Student t 分布</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="430"/>
        <source>ωᵢ = eᵢ² (White&apos;s)</source>
        <translation>ωᵢ = eᵢ²（White 估计）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="431"/>
        <source>ωᵢ = eᵢ² · n / (n − rank)</source>
        <translation>ωᵢ = eᵢ² · n / (n − 秩)</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="432"/>
        <source>ωᵢ = eᵢ² / (1 − hᵢᵢ), hᵢᵢ the row&apos;s leverage</source>
        <translation>ωᵢ = eᵢ² / (1 − hᵢᵢ)，hᵢᵢ 为该行的杠杆值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="433"/>
        <source>ωᵢ = eᵢ² / (1 − hᵢᵢ)², hᵢᵢ the row&apos;s leverage</source>
        <translation>ωᵢ = eᵢ² / (1 − hᵢᵢ)²，hᵢᵢ 为该行的杠杆值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="434"/>
        <source>The coefficients&apos; covariance: classical, or robust to a noise whose variance changes from row to row (HC0–HC3). It changes the standard errors, t, p-values, intervals, the F test and the predictions&apos; intervals</source>
        <translation>系数的协方差：经典估计，或对逐行方差不同的噪声稳健的估计（HC0–HC3）。它会改变标准误、t、p 值、置信区间、F 检验以及预测区间</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="440"/>
        <source>Standard err&amp;ors:</source>
        <translation>标准误(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="460"/>
        <source>Load or generate data to see its least-squares fit.</source>
        <translation>加载或生成数据后即可查看其最小二乘拟合。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="486"/>
        <source>Least squares</source>
        <translation>最小二乘</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="502"/>
        <source>There is no least-squares fit for this model and data.</source>
        <translation>此模型和数据没有最小二乘拟合。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="571"/>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="573"/>
        <source>Undefined for this data</source>
        <translation>对这些数据没有定义</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="613"/>
        <source>The Q–Q plot shows %1 of the %2 ordered residuals, evenly spaced, the smallest and the largest among them.</source>
        <translation>Q–Q 图显示 %2 个有序残差中均匀分布的 %1 个，其中包括最小值和最大值。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="617"/>
        <source>It leaves out the row with leverage 1, which the fit passes through: it has no studentized residual.</source>
        <translation>图中略去了杠杆值为 1 的那一行：拟合经过该行，它没有学生化残差。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="618"/>
        <source>It leaves out %1 rows with leverage 1, which the fit passes through: they have no studentized residual.</source>
        <translation>图中略去了 %1 个杠杆值为 1 的行：拟合经过这些行，它们没有学生化残差。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="622"/>
        <source>There is no Q–Q plot for this fit.</source>
        <translation>此拟合没有 Q–Q 图。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="638"/>
        <source>The robust standard errors could not be computed: %1</source>
        <translation>无法计算稳健标准误：%1</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="657"/>
        <source>Std. error (%1)</source>
        <translation>标准误（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="659"/>
        <source>The estimate&apos;s heteroskedasticity-robust (%1) standard error, from the sandwich covariance</source>
        <translation>估计值的异方差稳健（%1）标准误，来自三明治协方差</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="661"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="663"/>
        <source>Two-sided: the probability, were the coefficient 0, of a z at least this far from 0 (the standard normal distribution, statsmodels&apos; default for robust standard errors)</source>
        <translation>双侧：若系数为 0，z 至少离 0 这么远的概率（标准正态分布，statsmodels 对稳健标准误的默认做法）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="682"/>
        <source>Robust F (%1)</source>
        <translation>稳健 F（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="690"/>
        <source>The lower end of the coefficient&apos;s %1% confidence interval</source>
        <translation>系数 %1% 置信区间的下限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="692"/>
        <source>The upper end of the coefficient&apos;s %1% confidence interval</source>
        <translation>系数 %1% 置信区间的上限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="717"/>
        <source>Predicted ŷ</source>
        <translation>预测值 ŷ</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="717"/>
        <source>Std. error of ŷ</source>
        <translation>ŷ 的标准误</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="717"/>
        <source>Mean lower %1%</source>
        <translation>均值 %1% 下限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="717"/>
        <source>Mean upper %1%</source>
        <translation>均值 %1% 上限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="718"/>
        <source>Observation lower %1%</source>
        <translation>新观测 %1% 下限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="718"/>
        <source>Observation upper %1%</source>
        <translation>新观测 %1% 上限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="721"/>
        <source>The closed form&apos;s prediction at this row</source>
        <translation>闭式解在这一行的预测值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="722"/>
        <source>The standard error of the mean response at this row, √(dᵀ Σ d), with d the row of the design and Σ the coefficients&apos; covariance</source>
        <translation>这一行平均响应的标准误 √(dᵀ Σ d)，其中 d 为设计矩阵的这一行，Σ 为系数的协方差矩阵</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="723"/>
        <location filename="../widgets/least_squares_view.cpp" line="724"/>
        <source>Where the mean response (the true line&apos;s value) lies, with %1% confidence</source>
        <translation>平均响应（真实直线的值）所在的范围，置信度 %1%</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="725"/>
        <location filename="../widgets/least_squares_view.cpp" line="726"/>
        <source>Where a new observation at this row falls, with %1% probability: it adds the noise, σ̂², to the mean&apos;s uncertainty</source>
        <translation>这一行的新观测值以 %1% 的概率落入的范围：在均值的不确定性之外再加上噪声 σ̂²</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="521"/>
        <source>values of %1, e.g. 0.5 1.5 2</source>
        <translation>%1 的取值，例如 0.5 1.5 2</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="522"/>
        <source>%1 values per row (%2), rows separated by ;</source>
        <translation>每行 %1 个值（%2），行与行之间用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="534"/>
        <source>intercept</source>
        <translation>截距</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="539"/>
        <source>Ordinary least squares of %1 on %2 (training rows: %3)</source>
        <translation>%1 对 %2 的普通最小二乘回归（训练行：%3）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="539"/>
        <source>Ordinary least squares of %1 on %2 (all rows: %3)</source>
        <translation>%1 对 %2 的普通最小二乘回归（全部行：%3）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="522"/>
        <location filename="../widgets/least_squares_view.cpp" line="540"/>
        <location filename="../widgets/least_squares_view.cpp" line="860"/>
        <location filename="../widgets/least_squares_view.cpp" line="875"/>
        <source>, </source>
        <comment>between the terms of the title</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="270"/>
        <location filename="../widgets/least_squares_view.cpp" line="689"/>
        <source>Lower %1%</source>
        <translation>%1% 下限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="271"/>
        <location filename="../widgets/least_squares_view.cpp" line="691"/>
        <source>Upper %1%</source>
        <translation>%1% 上限</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="546"/>
        <location filename="../widgets/least_squares_view.cpp" line="676"/>
        <location filename="../widgets/least_squares_view.cpp" line="696"/>
        <source>No residual degrees of freedom: as many coefficients as rows</source>
        <translation>没有残差自由度：系数个数与行数相同</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="791"/>
        <source>The results panel compares each run&apos;s trained parameters with this fit on the training rows of the data the run was trained on. Select cells and press Ctrl+C to copy them; File &gt; Export saves the whole report.</source>
        <translation>结果面板将每次运行训练得到的参数与该运行所用数据的训练行上的这一拟合比较。选中单元格后按 Ctrl+C 复制；“文件 &gt; 导出”可保存完整报告。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="920"/>
        <source>Not estimable: the columns the data leaves undetermined reach this row, so its prediction depends on which of the equally good fits was taken</source>
        <translation>不可估计：数据无法确定的列影响到这一行，因此这里的预测取决于选用了哪一个同样好的拟合</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="937"/>
        <source>The fit is exact: the residuals are zero up to rounding, so the standard errors measure only rounding and t and p mean nothing</source>
        <translation>拟合是精确的：残差在舍入误差范围内为零，因此标准误只反映舍入误差，t 和 p 没有意义</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="697"/>
        <source>Not identified: this column is a combination of others, so its estimate is one of many that fit equally well (the minimum-norm one) and it has no standard error, t, p or interval</source>
        <translation>不可识别：这一列是其他列的组合，因此它的估计值只是众多同样好的拟合之一（取范数最小的那个），没有标准误、t、p 或置信区间</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="71"/>
        <source>.</source>
        <comment>the end of a sentence</comment>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="263"/>
        <source>The least-squares coefficient: the value that minimises the sum of squared errors on the rows fitted</source>
        <translation>最小二乘系数：使所拟合各行上误差平方和最小的值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="287"/>
        <source>The rows the fit uses: the training rows, or all of them (Rows)</source>
        <translation>拟合所用的行：训练行或全部行（见“行”）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="298"/>
        <source>Σ (y − ŷ)² over the rows fitted</source>
        <translation>所拟合各行上的 Σ (y − ŷ)²</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="300"/>
        <source>Σ (eᵢ − eᵢ₋₁)² / Σ eᵢ² over the residuals in the order of the rows fitted: near 2 when successive residuals are uncorrelated, towards 0 when each follows the one before. The training rows are in the split&apos;s shuffled order, where it says nothing of serial correlation: choose All rows for the file&apos;s order</source>
        <translation>按所拟合行的顺序对残差计算 Σ (eᵢ − eᵢ₋₁)² / Σ eᵢ²：相邻残差不相关时接近 2，每个残差紧随前一个时趋近 0。训练行按划分时打乱后的顺序排列，此时它不反映序列相关：要按文件中的顺序，请选择“全部行”</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="552"/>
        <location filename="../widgets/least_squares_view.cpp" line="675"/>
        <source>Undefined for this data: see the notes below</source>
        <translation>对此数据无定义：见下方说明</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="557"/>
        <source>%1 of %2 columns</source>
        <translation>%2 列中的 %1 列</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="678"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2, %3）</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="624"/>
        <source>The residual plot shows one row in %1: %2 of %3.</source>
        <translation>残差图每 %1 行显示一行：共 %3 行中的 %2 行。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="684"/>
        <source>The robust Wald test of every slope being 0 with the %1 covariance, over the rank of the slopes&apos; robust covariance (their number unless the design is rank-deficient), as statsmodels&apos; fvalue: F distributed with that number and the residual degrees of freedom</source>
        <translation>使用 %1 协方差检验所有斜率均为 0 的稳健 Wald 统计量，除以斜率稳健协方差的秩（设计矩阵满秩时即斜率个数），与 statsmodels 的 fvalue 相同：服从自由度为该秩和残差自由度的 F 分布</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="778"/>
        <source>Standard errors %1, robust to a noise whose variance changes from row to row: z, p-values and intervals use the normal distribution (statsmodels&apos; default for robust standard errors), F is the robust Wald test, and the predictions&apos; standard errors are %1 too.</source>
        <translation>标准误为 %1，对逐行方差不同的噪声稳健：z、p 值和置信区间使用正态分布（statsmodels 对稳健标准误的默认做法），F 为稳健 Wald 检验，预测的标准误同样为 %1。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="789"/>
        <source>This is the fit on all rows; the results panel compares the runs with the fit on the training rows, which they are trained on. Select cells and press Ctrl+C to copy them; File &gt; Export saves the whole report.</source>
        <translation>这是全部行上的拟合；结果面板将各次运行与训练行上的拟合比较（它们在训练行上训练）。选中单元格后按 Ctrl+C 复制；“文件 &gt; 导出”可保存完整报告。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="844"/>
        <source>There is no least-squares fit to predict with.</source>
        <translation>没有可用于预测的最小二乘拟合。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="859"/>
        <source>Each row needs %1 values (%2); &quot;%3&quot; has %4.</source>
        <translation>每行需要 %1 个值（%2）；“%3”有 %4 个。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="869"/>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>“%1”不是数值。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="875"/>
        <source>Enter %1 values per row: %2.</source>
        <translation>请每行输入 %1 个值：%2。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="876"/>
        <source>Enter one or more values of %1.</source>
        <translation>请输入 %1 的一个或多个取值。</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="879"/>
        <source>At most %1 predictions are kept; press Clear first.</source>
        <translation>最多保留 %1 条预测；请先按“清除”。</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::LossPlot</name>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="115"/>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="118"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="119"/>
        <location filename="../widgets/plot_loss.cpp" line="286"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="121"/>
        <source>Training loss: what each epoch&apos;s training step returned, computed before that step&apos;s update (as the tutorial&apos;s make_train_step does; with mini-batches, the mean over the epoch&apos;s batches).
Validation loss: computed after the epoch&apos;s update.
The results&apos; losses are computed at the final parameters, after the last update.</source>
        <translation>训练损失：每轮训练步骤返回的值，在该步更新之前计算（与教程中的 make_train_step 一样；使用小批量时，为该轮各批次的平均值）。
验证损失：在该轮更新之后计算。
结果中的损失是在最终参数处（即最后一次更新之后）计算的。</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="144"/>
        <source>Current run</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="145"/>
        <location filename="../widgets/plot_loss.cpp" line="236"/>
        <source>%1 — training</source>
        <translation>%1 — 训练</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="146"/>
        <location filename="../widgets/plot_loss.cpp" line="239"/>
        <source>%1 — validation</source>
        <translation>%1 — 验证</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="228"/>
        <source>Run %1 — %2 lr %3</source>
        <translation>运行 %1 — %2，学习率 %3</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="233"/>
        <source>%1, gradients not zeroed</source>
        <translation>%1，梯度未清零</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="280"/>
        <source>Loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_loss.cpp" line="297"/>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::ParameterPlot</name>
    <message>
        <location filename="../widgets/plot_parameters.cpp" line="25"/>
        <source>Parameter trajectories</source>
        <translation>参数轨迹</translation>
    </message>
    <message>
        <location filename="../widgets/plot_parameters.cpp" line="28"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/plot_parameters.cpp" line="29"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/plot_parameters.cpp" line="31"/>
        <source>Closed form (dashed)</source>
        <translation>闭式解（虚线）</translation>
    </message>
    <message>
        <location filename="../widgets/plot_parameters.cpp" line="76"/>
        <source>Showing the first %1 of %2 parameters</source>
        <translation>显示 %2 个参数中的前 %1 个</translation>
    </message>
    <message>
        <location filename="../widgets/plot_parameters.cpp" line="78"/>
        <source>The model has no parameters to show</source>
        <translation>该模型没有可显示的参数</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::PlotView</name>
    <message>
        <location filename="../widgets/plot_view.cpp" line="58"/>
        <source>Plot</source>
        <translation>图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="217"/>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="219"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="221"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="223"/>
        <source>Export as PNG, SVG or PDF…</source>
        <translation>导出为 PNG、SVG 或 PDF…</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="306"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="306"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="306"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="309"/>
        <location filename="../widgets/plot_view.cpp" line="317"/>
        <source>Export plot</source>
        <translation>导出图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_view.cpp" line="317"/>
        <source>The plot could not be exported: %1</source>
        <translation>无法导出图：%1</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::ResidualPlot</name>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="123"/>
        <location filename="../widgets/least_squares_view.cpp" line="184"/>
        <source>Residuals against fitted values</source>
        <translation>残差对拟合值</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="124"/>
        <location filename="../widgets/least_squares_view.cpp" line="185"/>
        <source>Fitted value ŷ</source>
        <translation>拟合值 ŷ</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="125"/>
        <location filename="../widgets/least_squares_view.cpp" line="186"/>
        <source>Residual y − ŷ</source>
        <translation>残差 y − ŷ</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="127"/>
        <location filename="../widgets/least_squares_view.cpp" line="187"/>
        <source>Rows fitted</source>
        <translation>所拟合的行</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="184"/>
        <source>Normal Q–Q plot of the studentized residuals</source>
        <translation>学生化残差的正态 Q–Q 图</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="185"/>
        <source>Standard normal quantile</source>
        <translation>标准正态分位数</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="186"/>
        <source>Studentized residual e / (σ̂ √(1 − h))</source>
        <translation>学生化残差 e / (σ̂ √(1 − h))</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="187"/>
        <source>Order statistics</source>
        <translation>顺序统计量</translation>
    </message>
    <message>
        <location filename="../widgets/least_squares_view.cpp" line="197"/>
        <source>No residuals to show</source>
        <translation>没有可显示的残差</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::ResultsView</name>
    <message>
        <location filename="../widgets/results_view.cpp" line="95"/>
        <source>Train a model to see its parameters beside the closed-form solution.</source>
        <translation>训练模型后，可将其参数与闭式解并列查看。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="154"/>
        <source>The loss over the training rows at the final parameters, after the last update.
The loss curve&apos;s training loss is what each epoch&apos;s step returned, computed before that epoch&apos;s update, so after a short run its last point is higher.</source>
        <translation>在最终参数处（即最后一次更新之后）对训练行计算的损失。
损失曲线中的训练损失是每轮训练步骤返回的值，在该轮更新之前计算，因此运行轮数较少时，其最后一个点会更高。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="158"/>
        <source>The loss over the validation rows at the final parameters: the validation curve&apos;s last point.</source>
        <translation>在最终参数处对验证行计算的损失：即验证曲线的最后一个点。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="201"/>
        <source>This run&apos;s record does not match its model&apos;s parameters, so it cannot be shown.</source>
        <translation>该运行的记录与其模型参数不匹配，因此无法显示。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="208"/>
        <location filename="../widgets/results_view.cpp" line="365"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="209"/>
        <location filename="../widgets/results_view.cpp" line="227"/>
        <source>Closed form</source>
        <translation>闭式解</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="210"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="226"/>
        <location filename="../widgets/results_view.cpp" line="317"/>
        <location filename="../widgets/results_view.cpp" line="366"/>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="226"/>
        <location filename="../widgets/results_view.cpp" line="317"/>
        <location filename="../widgets/results_view.cpp" line="366"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="226"/>
        <location filename="../widgets/results_view.cpp" line="317"/>
        <source>R² (training rows)</source>
        <translation>R²（训练集）</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="226"/>
        <location filename="../widgets/results_view.cpp" line="318"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="226"/>
        <location filename="../widgets/results_view.cpp" line="318"/>
        <source>Training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="227"/>
        <source>Trained</source>
        <translation>训练结果</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="234"/>
        <location filename="../widgets/results_view.cpp" line="330"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="244"/>
        <source>This model has no closed-form solution to compare with.</source>
        <translation>此模型没有可供比较的闭式解。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="250"/>
        <source>Changed while paused: %1</source>
        <translation>暂停期间的更改：%1</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="250"/>
        <source>; </source>
        <comment>between the changes made while paused</comment>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="262"/>
        <source>A run&apos;s record does not match its model&apos;s parameters, so the runs cannot be compared.</source>
        <translation>有一次运行的记录与其模型参数不匹配，因此无法比较这些运行。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="285"/>
        <source>%1 compared with %2</source>
        <translation>%1 与 %2 的比较</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="286"/>
        <source>Difference (A − B)</source>
        <translation>差值（A − B）</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="317"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="317"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="318"/>
        <source>Closed-form train loss</source>
        <translation>闭式解训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="345"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="347"/>
        <source>%1, changed while paused: %2</source>
        <translation>%1，暂停期间的更改：%2</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="357"/>
        <source>The run reported %1 values for %2 parameters.</source>
        <translation>该运行为 %2 个参数报告了 %1 个值。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="366"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="371"/>
        <source>Paused in epoch %1 after batch %2 of %3</source>
        <translation>已在第 %1 轮的第 %2 / %3 批之后暂停</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="372"/>
        <source>Paused at epoch %1</source>
        <translation>已在第 %1 轮暂停</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="370"/>
        <source>Training: epoch %1</source>
        <translation>训练中：第 %1 轮</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="177"/>
        <source>Double-click to change this value; Resume continues from it.</source>
        <translation>双击可修改此值；“继续”将从该值接着训练。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="366"/>
        <source>Epochs done</source>
        <translation>已完成轮数</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="379"/>
        <source>The loss the last epoch&apos;s training step returned, computed before that step&apos;s update: the training curve&apos;s last point. The results of a finished run give the loss at the final parameters.</source>
        <translation>最后一轮训练步骤返回的损失，在该步更新之前计算：即训练曲线的最后一个点。运行完成后，结果中给出的是最终参数处的损失。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="382"/>
        <source>The loss over the validation rows after the last epoch&apos;s update: the validation curve&apos;s last point.</source>
        <translation>最后一轮更新之后对验证行计算的损失：即验证曲线的最后一个点。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="384"/>
        <source>Paused: double-click a value to change it by hand; Resume continues from there.</source>
        <translation>已暂停：双击某个值可手动修改；“继续”将从修改后的值接着训练。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="404"/>
        <source>“%1” is not a finite number in %2; %3 keeps its value %4.</source>
        <translation>“%1”在 %2 中不是有限数值；%3 保持原值 %4。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="407"/>
        <source>“%1” is not a finite number; %2 keeps its value %3.</source>
        <translation>“%1”不是有限数值；%2 保持原值 %3。</translation>
    </message>
    <message>
        <location filename="../widgets/results_view.cpp" line="390"/>
        <source>%1 set to %2; Resume continues from there.</source>
        <translation>%1 已设为 %2；“继续”将从此值接着训练。</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::RunList</name>
    <message>
        <location filename="../widgets/run_list.cpp" line="36"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="36"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="36"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="36"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="36"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="36"/>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="37"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="37"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="43"/>
        <source>Select a run to see its results, two runs to compare them, or up to %1 to overlay their losses.</source>
        <translation>选择一个运行查看其结果，选择两个进行比较，或最多选择 %1 个叠加显示它们的损失。</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="50"/>
        <location filename="../widgets/run_list.cpp" line="152"/>
        <source>Remove run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="80"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="81"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../widgets/run_list.cpp" line="82"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::SettingsForm</name>
    <message>
        <location filename="../widgets/settings_form.cpp" line="64"/>
        <source>expected a whole number from %1 to %2, got “%3”</source>
        <translation>应为 %1 到 %2 之间的整数，实际为“%3”</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="75"/>
        <source>“%1” is not a number</source>
        <translation>“%1”不是数值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="181"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="182"/>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="183"/>
        <source>Trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="184"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="185"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="186"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="215"/>
        <location filename="../widgets/settings_form.cpp" line="298"/>
        <location filename="../widgets/settings_form.cpp" line="330"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="222"/>
        <source>Degree:</source>
        <translation>次数：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="226"/>
        <source>Change polynomial degree</source>
        <translation>更改多项式次数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="231"/>
        <source>8, 8</source>
        <translation>8, 8</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="817"/>
        <source>The sizes of the hidden layers, separated by commas</source>
        <translation>各隐藏层的大小，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="232"/>
        <source>Hidden sizes:</source>
        <translation>隐藏层大小：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="237"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="238"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="239"/>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="240"/>
        <source>Activation:</source>
        <translation>激活函数：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="244"/>
        <source>Change activation</source>
        <translation>更改激活函数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="253"/>
        <source>PyTorch default, seeded</source>
        <translation>PyTorch 默认（使用种子）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="254"/>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="255"/>
        <source>Custom values</source>
        <translation>自定义值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="256"/>
        <source>Scheme:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="262"/>
        <location filename="../widgets/settings_form.cpp" line="449"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="269"/>
        <source>Initialisation seed: %1</source>
        <translation>初始化种子：%1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="275"/>
        <source>Change initialisation seed</source>
        <translation>更改初始化种子</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="280"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="280"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="280"/>
        <source>Values (comma separated)</source>
        <translation>值（以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="285"/>
        <source>Values:</source>
        <translation>值：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="294"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="295"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="296"/>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="297"/>
        <source>Smooth L1</source>
        <translation>Smooth L1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="302"/>
        <source>Change loss</source>
        <translation>更改损失函数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="307"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="308"/>
        <source>sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="309"/>
        <source>Reduction:</source>
        <translation>归约方式：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="313"/>
        <source>Change loss reduction</source>
        <translation>更改损失归约方式</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="316"/>
        <source>Delta:</source>
        <translation>Delta：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="316"/>
        <source>Change Huber delta</source>
        <translation>更改 Huber delta</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="318"/>
        <source>Beta:</source>
        <translation>Beta：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="318"/>
        <source>Change Smooth L1 beta</source>
        <translation>更改 Smooth L1 beta</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="211"/>
        <source>%1 (the tutorial&apos;s)</source>
        <translation>%1（教程模型）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="346"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="346"/>
        <source>Change learning rate</source>
        <translation>更改学习率</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="348"/>
        <source>Momentum:</source>
        <translation>动量：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="348"/>
        <source>Change momentum</source>
        <translation>更改动量</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="350"/>
        <source>Dampening:</source>
        <translation>阻尼：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="350"/>
        <source>Change dampening</source>
        <translation>更改阻尼</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="352"/>
        <source>Nesterov:</source>
        <translation>Nesterov：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="352"/>
        <source>Change Nesterov momentum</source>
        <translation>更改 Nesterov 动量</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="358"/>
        <source>Betas:</source>
        <translation>Betas：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="369"/>
        <source>Beta %1: %2</source>
        <translation>Beta %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="375"/>
        <source>Change betas</source>
        <translation>更改 betas</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="384"/>
        <source>Alpha:</source>
        <translation>Alpha：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="384"/>
        <source>Change alpha</source>
        <translation>更改 alpha</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="386"/>
        <source>Eps:</source>
        <translation>Eps：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="386"/>
        <source>Change eps</source>
        <translation>更改 eps</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="388"/>
        <source>Learning rate decay:</source>
        <translation>学习率衰减：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="389"/>
        <source>Change learning rate decay</source>
        <translation>更改学习率衰减</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="390"/>
        <source>Initial accumulator:</source>
        <translation>累加器初始值：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="391"/>
        <source>Change initial accumulator value</source>
        <translation>更改累加器初始值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="393"/>
        <source>Weight decay:</source>
        <translation>权重衰减：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="393"/>
        <source>Change weight decay</source>
        <translation>更改权重衰减</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="395"/>
        <source>Centered:</source>
        <translation>中心化：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="395"/>
        <source>Change centered</source>
        <translation>更改中心化设置</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="397"/>
        <source>AMSGrad:</source>
        <translation>AMSGrad：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="397"/>
        <source>Change AMSGrad</source>
        <translation>更改 AMSGrad 设置</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="399"/>
        <source>Maximize:</source>
        <translation>最大化：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="399"/>
        <source>Change maximize</source>
        <translation>更改最大化设置</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="411"/>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="415"/>
        <source>Change epochs</source>
        <translation>更改轮数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="421"/>
        <source>Full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="430"/>
        <source>Batch:</source>
        <translation>批量：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="435"/>
        <location filename="../widgets/settings_form.cpp" line="1119"/>
        <source>Change batch size</source>
        <translation>更改批量大小</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="438"/>
        <source>Shuffle the batches every epoch</source>
        <translation>每轮打乱批次</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="440"/>
        <source>Shuffle:</source>
        <translation>打乱：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="444"/>
        <source>Change shuffling</source>
        <translation>更改打乱设置</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="456"/>
        <source>Training seed: %1</source>
        <translation>训练种子：%1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="462"/>
        <source>Change training seed</source>
        <translation>更改训练种子</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="467"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="468"/>
        <source>float64</source>
        <translation>float64</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="469"/>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="473"/>
        <source>Change precision</source>
        <translation>更改精度</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="478"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="484"/>
        <source>Change device</source>
        <translation>更改设备</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="487"/>
        <source>Zero them after each step</source>
        <translation>每一步后清零</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="489"/>
        <source>optimizer.zero_grad() after every step, as the tutorial&apos;s train_step does. Untick it to see why: without it the gradients add up from step to step (the tutorial&apos;s section 2.3).</source>
        <translation>每一步后调用 optimizer.zero_grad()，与教程中的 train_step 一样。取消勾选即可看到原因：不清零时，梯度会在各步之间不断累加（教程第 2.3 节）。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="491"/>
        <source>Gradients:</source>
        <translation>梯度：</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="496"/>
        <source>Zero the gradients after each step</source>
        <translation>每一步后将梯度清零</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="496"/>
        <source>Let the gradients add up</source>
        <translation>让梯度累加</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="515"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="686"/>
        <source>The parameters cannot be listed: %1</source>
        <translation>无法列出参数：%1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="691"/>
        <source>requires grad</source>
        <translation>需要梯度</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="694"/>
        <source>Ticked, the optimizer trains %1 (requires_grad=True); unticked, %1 is frozen at its initial value</source>
        <translation>勾选时，优化器会训练 %1（requires_grad=True）；取消勾选时，%1 冻结在其初始值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="706"/>
        <source>Train %1</source>
        <translation>解冻 %1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="706"/>
        <source>Freeze %1</source>
        <translation>冻结 %1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="714"/>
        <source>large</source>
        <translation>很大</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="746"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="748"/>
        <location filename="../widgets/settings_form.cpp" line="762"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="749"/>
        <source>%1, %2 GiB</source>
        <translation>%1，%2 GiB</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="755"/>
        <source>built without CUDA</source>
        <translation>构建时未启用 CUDA</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="756"/>
        <source>no driver</source>
        <translation>无驱动</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="757"/>
        <source>no device</source>
        <translation>无设备</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="759"/>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="775"/>
        <source>%1 — not available here</source>
        <translation>%1 — 本机不可用</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="777"/>
        <source>This computer has no such device.</source>
        <translation>此计算机上没有该设备。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="814"/>
        <source>The model to train: the tutorial&apos;s a + b·x, a linear layer (nn.Linear) over the features, a polynomial of one feature, or an MLP (nn.Linear layers with an activation between them)</source>
        <translation>要训练的模型：教程中的 a + b·x、基于各特征的线性层（nn.Linear）、单个特征的多项式，或 MLP（各 nn.Linear 层之间带有激活函数）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="816"/>
        <source>The polynomial&apos;s degree: the highest power of x it uses</source>
        <translation>多项式的次数：所用 x 的最高次幂</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="818"/>
        <source>The nonlinearity after each hidden layer: nn.ReLU, nn.Tanh or nn.Sigmoid</source>
        <translation>每个隐藏层之后的非线性激活函数：nn.ReLU、nn.Tanh 或 nn.Sigmoid</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="819"/>
        <source>How the parameters start: as PyTorch initialises the model after torch.manual_seed(seed), all zeros, or values you enter</source>
        <translation>参数的初始化方式：按 PyTorch 在 torch.manual_seed(seed) 之后初始化模型的方式、全部为零，或使用自行输入的值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="821"/>
        <source>The seed given to torch.manual_seed before the model is built: the same seed gives the same initial parameters</source>
        <translation>构建模型之前传给 torch.manual_seed 的种子：相同的种子会得到相同的初始参数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="823"/>
        <source>Each parameter&apos;s initial values, separated by commas, in the order of its elements</source>
        <translation>每个参数的初始值，以逗号分隔，按其元素的顺序排列</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="824"/>
        <source>The loss function: nn.MSELoss, nn.L1Loss, nn.HuberLoss or nn.SmoothL1Loss</source>
        <translation>损失函数：nn.MSELoss、nn.L1Loss、nn.HuberLoss 或 nn.SmoothL1Loss</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="825"/>
        <source>reduction: how the per-example losses are combined, their mean (default) or their sum</source>
        <translation>reduction：各样本损失的合并方式，取均值（默认）或求和</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="826"/>
        <source>Huber&apos;s delta: the error size at which the loss changes from quadratic to linear (default 1.0)</source>
        <translation>Huber 的 delta：损失由二次变为线性时的误差大小（默认 1.0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="827"/>
        <source>Smooth L1&apos;s beta: the error size below which the loss is quadratic and above which it is linear (default 1.0)</source>
        <translation>Smooth L1 的 beta：误差小于该值时损失为二次，大于该值时为线性（默认 1.0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="829"/>
        <source>The torch.optim optimizer; choosing another resets its options to their defaults</source>
        <translation>torch.optim 优化器；选择其他优化器会将其选项重置为默认值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="830"/>
        <source>dampening τ: the new gradient enters the momentum buffer scaled by 1 − τ (default 0)</source>
        <translation>dampening τ：新的梯度乘以 1 − τ 后进入动量缓冲区（默认 0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="831"/>
        <source>nesterov: Nesterov momentum, stepping along g + μ·b instead of b; needs momentum &gt; 0 and dampening 0 (default off)</source>
        <translation>nesterov：Nesterov 动量，沿 g + μ·b 而不是 b 更新；要求 momentum &gt; 0 且 dampening 为 0（默认关闭）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="833"/>
        <source>betas (β1, β2): decay rates of the running averages of the gradient and of its square (default 0.9, 0.999)</source>
        <translation>betas（β1, β2）：梯度及其平方的滑动平均的衰减率（默认 0.9, 0.999）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="837"/>
        <source>alpha: smoothing constant, the decay rate of the running average of the squared gradient (default 0.99)</source>
        <translation>alpha：平滑常数，即梯度平方的滑动平均的衰减率（默认 0.99）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="839"/>
        <source>lr_decay: the step size at step t is lr / (1 + (t − 1)·lr_decay) (default 0)</source>
        <translation>lr_decay：第 t 步的步长为 lr / (1 + (t − 1)·lr_decay)（默认 0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="840"/>
        <source>initial_accumulator_value: the starting value of the running sum of squared gradients (default 0)</source>
        <translation>initial_accumulator_value：梯度平方累加和的初始值（默认 0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="842"/>
        <source>centered: divide by an estimate of the gradient&apos;s variance (the average of g² minus the square of the average of g) instead of the average of g² (default off)</source>
        <translation>centered：除以梯度方差的估计值（g² 的平均值减去 g 的平均值的平方），而不是 g² 的平均值（默认关闭）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="844"/>
        <source>amsgrad: divide by the largest running average of the squared gradient so far, the AMSGrad variant (default off)</source>
        <translation>amsgrad：除以迄今为止梯度平方滑动平均的最大值，即 AMSGrad 变体（默认关闭）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="846"/>
        <source>maximize: step up the gradient, maximizing the loss instead of minimizing it (default off)</source>
        <translation>maximize：沿梯度方向上升，使损失最大化而不是最小化（默认关闭）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="847"/>
        <source>The number of passes over the training rows; each pass takes one optimizer step per batch</source>
        <translation>遍历训练行的次数；每遍对每个批次执行一次优化器步骤</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="848"/>
        <source>The rows each optimizer step uses: all of them (full batch) or mini-batches of the size given</source>
        <translation>每个优化器步骤使用的行：全部行（全批量）或指定大小的小批量</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="850"/>
        <source>Every step uses all the training rows: one step per epoch, the tutorial&apos;s batch gradient descent</source>
        <translation>每一步都使用全部训练行：每轮一步，即教程中的全量梯度下降</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="852"/>
        <source>Rows per mini-batch, one optimizer step each (DataLoader&apos;s batch_size); an epoch&apos;s last batch may be smaller</source>
        <translation>每个小批量的行数，每个小批量执行一次优化器步骤（DataLoader 的 batch_size）；每轮的最后一个批次可能较小</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="854"/>
        <source>Deal the training rows into batches in a new random order every epoch (DataLoader&apos;s shuffle=True)</source>
        <translation>每轮以新的随机顺序将训练行分到各批次中（DataLoader 的 shuffle=True）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="856"/>
        <source>The seed of the random order of the rows in the batches, when they are shuffled</source>
        <translation>打乱批次时，各批次中行的随机顺序所用的种子</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="857"/>
        <source>The floating-point type of the data and the parameters: float32 (torch&apos;s default) or float64 (NumPy&apos;s)</source>
        <translation>数据和参数的浮点类型：float32（torch 的默认类型）或 float64（NumPy 的默认类型）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="859"/>
        <source>Where the tensors are kept and computed (torch.device): the CPU or a CUDA GPU</source>
        <translation>张量存放和计算的位置（torch.device）：CPU 或 CUDA GPU</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="870"/>
        <source>lr: the step size; each step moves the parameters by lr times the gradient (torch.optim.SGD requires one; the tutorial uses 0.1)</source>
        <translation>lr：步长；每一步将参数移动 lr × 梯度（torch.optim.SGD 必须指定；教程中使用 0.1）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="873"/>
        <source>lr: the step size; each step moves the parameters by lr times the update (torch&apos;s default for %1: %2)</source>
        <translation>lr：步长；每一步将参数移动 lr × 更新量（torch 对 %1 的默认值：%2）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="876"/>
        <source>momentum μ: the parameters move along a buffer b ← μ·b + g / (√v + eps) (default 0)</source>
        <translation>momentum μ：参数沿缓冲区 b 移动，b ← μ·b + g / (√v + eps)（默认 0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="878"/>
        <source>momentum μ: the parameters move along a buffer b ← μ·b + (1 − dampening)·g instead of the gradient g (default 0)</source>
        <translation>momentum μ：参数沿缓冲区 b 而不是梯度 g 移动，b ← μ·b + (1 − dampening)·g（默认 0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="880"/>
        <source>eps: added to the denominator, outside the square root, for numerical stability (default %1)</source>
        <translation>eps：加在分母上（在平方根之外），以保证数值稳定性（默认 %1）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="882"/>
        <source>weight_decay λ: decoupled weight decay, each step first multiplies the parameters by 1 − lr·λ (default 0.01)</source>
        <translation>weight_decay λ：解耦的权重衰减，每一步先将参数乘以 1 − lr·λ（默认 0.01）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="884"/>
        <source>weight_decay λ: an L2 penalty, λ times the parameters added to the gradient (default 0)</source>
        <translation>weight_decay λ：L2 惩罚项，将 λ 乘以参数后加到梯度上（默认 0）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="905"/>
        <source>The %1 model takes one feature, but the data has %2: choose the linear model or an MLP, or use one feature.</source>
        <translation>%1 模型只接受一个特征，但数据有 %2 个：请选择线性模型或 MLP，或只使用一个特征。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="910"/>
        <source>The model cannot be built: %1.</source>
        <translation>无法构建模型：%1。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="916"/>
        <source>The initial values of %1 are not given: enter them under Initialisation, or choose another scheme.</source>
        <translation>未给出 %1 的初始值：请在“初始化”中输入，或选择其他初始化方式。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="920"/>
        <source>The initial values of %1: %2 values are needed, got %3.</source>
        <translation>%1 的初始值：需要 %2 个值，实际为 %3 个。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="933"/>
        <source>this GradLab was built without CUDA support</source>
        <translation>此 GradLab 构建时未包含 CUDA 支持</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="934"/>
        <source>no usable NVIDIA driver (missing, or older than the CUDA runtime)</source>
        <translation>没有可用的 NVIDIA 驱动（未安装，或版本低于 CUDA 运行时）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="935"/>
        <source>no CUDA device was found</source>
        <translation>未找到 CUDA 设备</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="939"/>
        <source>%1 cannot be used: %2. Choose another device under Training.</source>
        <translation>无法使用 %1：%2。请在“训练”中选择其他设备。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="943"/>
        <source>%1 cannot be used: this computer has no such device. Choose another device under Training.</source>
        <translation>无法使用 %1：这台计算机没有此设备。请在“训练”中选择其他设备。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="947"/>
        <source>%1 (the value was not taken).</source>
        <translation>%1（未采用该值）。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="957"/>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1020"/>
        <source>Change model type</source>
        <translation>更改模型类型</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1034"/>
        <source>Hidden sizes: “%1” is not a layer size from 1 to 100000</source>
        <translation>隐藏层大小：“%1”不是 1 到 100000 之间的层大小</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1040"/>
        <source>Hidden sizes: at least one hidden layer is needed (without one, choose the linear model)</source>
        <translation>隐藏层大小：至少需要一个隐藏层（若不需要隐藏层，请选择线性模型）</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1049"/>
        <source>Change hidden layer sizes</source>
        <translation>更改隐藏层大小</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1059"/>
        <source>Change initialisation</source>
        <translation>更改初始化方式</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1077"/>
        <source>Initial values of %1: “%2” is not a number</source>
        <translation>%1 的初始值：“%2”不是数值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1083"/>
        <source>Initial values of %1: %2 values are needed, got %3</source>
        <translation>%1 的初始值：需要 %2 个值，实际为 %3 个</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1100"/>
        <source>Change initial values of %1</source>
        <translation>更改 %1 的初始值</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="1110"/>
        <source>Change optimizer</source>
        <translation>更改优化器</translation>
    </message>
</context>
<context>
    <name>gradlab::widgets::StepInspector</name>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="33"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="33"/>
        <source>Value before</source>
        <translation>更新前的值</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="33"/>
        <source>Autograd gradient</source>
        <translation>自动求导梯度</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="34"/>
        <source>NumPy formula</source>
        <translation>NumPy 公式</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="34"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="34"/>
        <source>Update applied</source>
        <translation>实际更新量</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="34"/>
        <source>Value after</source>
        <translation>更新后的值</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="35"/>
        <source>The .grad autograd computed in the backward pass.</source>
        <translation>自动求导在反向传播中计算出的 .grad。</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="37"/>
        <source>The gradient from the tutorial&apos;s NumPy code for the a + b·x model with the MSE loss, computed in double from the batch&apos;s rows at the values before the step.</source>
        <translation>按教程中针对 a + b·x 模型和 MSE 损失的 NumPy 代码算出的梯度：以双精度，用批次中的行，在该步之前的参数值处计算。</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="39"/>
        <source>Autograd gradient − NumPy formula</source>
        <translation>自动求导梯度 − NumPy 公式</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="40"/>
        <source>Value after − value before: what the optimizer did with the gradient.</source>
        <translation>更新后的值 − 更新前的值：优化器根据梯度所做的更新。</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="53"/>
        <source>Press Step to run one epoch and see its gradients.</source>
        <translation>按“单轮”训练一轮并查看其梯度。</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="67"/>
        <source>There is no step to show.</source>
        <translation>没有可显示的步。</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="70"/>
        <source>Epoch %1, batch %2 of %3: the step on its %4 rows, loss %5</source>
        <translation>第 %1 轮，第 %2 / %3 批：在该批 %4 行数据上的一步，损失 %5</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="76"/>
        <source>Epoch %1: the step on all %2 training rows, loss %3</source>
        <translation>第 %1 轮：在全部 %2 行训练数据上的一步，损失 %3</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="96"/>
        <source>Frozen: autograd computes no gradient for it.</source>
        <translation>已冻结：自动求导不会为其计算梯度。</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="111"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="112"/>
        <source>NumPy formulas, with error = y − (a + b·x) over the batch&apos;s rows: %1</source>
        <translation>NumPy 公式（其中 error = y − (a + b·x)，在批次的各行上计算）：%1</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="112"/>
        <source>, </source>
        <comment>between the parameters&apos; formulas</comment>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../widgets/step_inspector.cpp" line="118"/>
        <source>The gradients are not zeroed after each step: autograd&apos;s gradient is the sum over every step so far, so after the first step it differs from this step&apos;s formula.</source>
        <translation>每一步后没有将梯度清零：自动求导得到的梯度是到目前为止所有步的梯度之和，因此从第二步起，它与本步的公式结果不同。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="131"/>
        <source>GradLab: train a model through GradLab&apos;s autograd engine and compare it with the closed-form fit.</source>
        <translation>GradLab：使用 GradLab 的自动求导引擎训练模型，并与闭式解进行比较。</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="136"/>
        <source>Use this language (en, zh_CN) instead of the system&apos;s.</source>
        <translation>使用此语言（en、zh_CN）代替系统语言。</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="139"/>
        <source>Train the tutorial, save a screenshot of each view in this folder, and quit.</source>
        <translation>训练教程实验，将每个视图的截图保存到此文件夹，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="143"/>
        <source>A project (.gradlab) or a CSV file to open.</source>
        <translation>要打开的项目（.gradlab）或 CSV 文件。</translation>
    </message>
</context>
</TS>
