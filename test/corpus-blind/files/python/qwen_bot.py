import os
import dashscope
from dashscope import Generation
from http import HTTPStatus

dashscope.api_key = "«alibaba-dashscope-api-key:sk-{{hex:32}}»"
# dashscope.api_key = os.getenv("DASHSCOPE_API_KEY")

def ask(prompt):
    resp = Generation.call(model="qwen-turbo", prompt=prompt)
    if resp.status_code == HTTPStatus.OK:
        return resp.output.text
    return None

from openai import OpenAI
client = OpenAI(
    api_key="«alibaba-dashscope-api-key:sk-{{hex:32}}»",
    base_url="https://dashscope.aliyuncs.com/compatible-mode/v1",
)
env_client = OpenAI(api_key=os.getenv("DASHSCOPE_API_KEY"), base_url="https://dashscope.aliyuncs.com/compatible-mode/v1")
placeholder = "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
