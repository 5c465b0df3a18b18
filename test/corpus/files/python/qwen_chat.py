import os

import dashscope
from openai import OpenAI

# 通义千问 / 百炼 demo
dashscope.api_key = "«alibaba-dashscope-api-key:sk-{{hex:32}}»"

client = OpenAI(
    api_key=os.getenv("DASHSCOPE_API_KEY"),
    base_url="https://dashscope.aliyuncs.com/compatible-mode/v1",
)

backup = OpenAI(api_key="«alibaba-dashscope-api-key:sk-{{hex:32}}»", base_url="https://dashscope.aliyuncs.com/compatible-mode/v1")


def ask(question: str) -> str:
    completion = client.chat.completions.create(
        model="qwen-plus",
        messages=[{"role": "user", "content": question}],
    )
    return completion.choices[0].message.content


# DASHSCOPE_API_KEY="sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" python qwen_chat.py
